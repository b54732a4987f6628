import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@cx/auth';
import { etag } from '@cx/platform';
import type { Response } from 'express';
import { GetQuestionnaire } from './get-questionnaire.query';
import { QuestionnaireView } from './questionnaire.view';

@ApiTags('questionnaires')
@Controller('questionnaires')
export class GetQuestionnaireController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':questionnaireId')
  @Roles('admin', 'manager', 'ceo_office', 'auditor', 'survey_vendor', 'interviewer')
  @ApiOperation({ summary: 'A questionnaire with every version and its questions; ETag carries its version' })
  @ApiOkResponse({ type: QuestionnaireView })
  async get(
    @Param('questionnaireId', new ParseUUIDPipe()) questionnaireId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<QuestionnaireView> {
    const view = await this.queries.execute<GetQuestionnaire, QuestionnaireView>(new GetQuestionnaire(questionnaireId));
    response.setHeader('ETag', etag(view.version));
    return view;
  }
}
