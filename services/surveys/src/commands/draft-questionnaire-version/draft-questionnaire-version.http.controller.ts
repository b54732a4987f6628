import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { QuestionnaireView } from '../../queries/get-questionnaire/questionnaire.view';
import { QuestionnaireCommands } from '../change-questionnaire/questionnaire-commands';
import { SurveyQuestionsRequest, toSurveyQuestions } from '../questions.dto';

@ApiTags('questionnaires')
@Controller('questionnaires')
export class DraftQuestionnaireVersionController {
  constructor(private readonly questionnaires: QuestionnaireCommands) {}

  @Post(':questionnaireId/versions')
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({ summary: 'Draft the next version, once every earlier one is published' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiCreatedResponse({ type: QuestionnaireView })
  draft(
    @Param('questionnaireId', new ParseUUIDPipe()) questionnaireId: string,
    @Body() request: SurveyQuestionsRequest,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<QuestionnaireView> {
    return this.questionnaires.run(
      { type: 'DraftQuestionnaireVersion', questionnaireId, questions: toSurveyQuestions(request.questions) },
      principal,
      expectedVersion,
      response,
    );
  }
}
