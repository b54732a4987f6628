import { Body, Controller, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Put, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { QuestionnaireView } from '../../queries/get-questionnaire/questionnaire.view';
import { QuestionnaireCommands } from '../change-questionnaire/questionnaire-commands';
import { SurveyQuestionsRequest, toSurveyQuestions } from '../questions.dto';

@ApiTags('questionnaires')
@Controller('questionnaires')
export class ReviseQuestionnaireDraftController {
  constructor(private readonly questionnaires: QuestionnaireCommands) {}

  @Put(':questionnaireId/versions/:version')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Replace the questions of a draft version; a published version refuses (409)' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiOkResponse({ type: QuestionnaireView })
  revise(
    @Param('questionnaireId', new ParseUUIDPipe()) questionnaireId: string,
    @Param('version', ParseIntPipe) version: number,
    @Body() request: SurveyQuestionsRequest,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<QuestionnaireView> {
    return this.questionnaires.run(
      { type: 'ReviseQuestionnaireDraft', questionnaireId, version, questions: toSurveyQuestions(request.questions) },
      principal,
      expectedVersion,
      response,
    );
  }
}
