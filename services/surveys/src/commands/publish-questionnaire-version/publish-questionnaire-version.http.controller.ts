import { Controller, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { QuestionnaireView } from '../../queries/get-questionnaire/questionnaire.view';
import { QuestionnaireCommands } from '../change-questionnaire/questionnaire-commands';

@ApiTags('questionnaires')
@Controller('questionnaires')
export class PublishQuestionnaireVersionController {
  constructor(private readonly questionnaires: QuestionnaireCommands) {}

  @Post(':questionnaireId/versions/:version/publication')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Publish a draft version: waves may use it, and it never changes again' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiOkResponse({ type: QuestionnaireView })
  publish(
    @Param('questionnaireId', new ParseUUIDPipe()) questionnaireId: string,
    @Param('version', ParseIntPipe) version: number,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<QuestionnaireView> {
    return this.questionnaires.run(
      { type: 'PublishQuestionnaireVersion', questionnaireId, version },
      principal,
      expectedVersion,
      response,
    );
  }
}
