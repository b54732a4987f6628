import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { etag, IdempotencyKey, IdempotencyKeyHeader } from '@cx/platform';
import type { Response } from 'express';
import { GetQuestionnaire } from '../../queries/get-questionnaire/get-questionnaire.query';
import { QuestionnaireView } from '../../queries/get-questionnaire/questionnaire.view';
import { CreateQuestionnaireCommand, CreateQuestionnaireOutcome } from './create-questionnaire.command';
import { CreateQuestionnaireRequest } from './create-questionnaire.dto';

@ApiTags('questionnaires')
@Controller('questionnaires')
export class CreateQuestionnaireController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({ summary: 'Set up a questionnaire for a project type; its questions are version 1, a draft' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeating a key returns the first result' })
  @ApiCreatedResponse({ type: QuestionnaireView })
  async create(
    @Body() request: CreateQuestionnaireRequest,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey: IdempotencyKeyHeader | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<QuestionnaireView> {
    const outcome = await this.commands.execute<CreateQuestionnaireCommand, CreateQuestionnaireOutcome>(
      new CreateQuestionnaireCommand(request, principal, idempotencyKey),
    );
    const view = await this.queries.execute<GetQuestionnaire, QuestionnaireView>(
      new GetQuestionnaire(outcome.questionnaireId),
    );
    response.setHeader('Location', `/v1/questionnaires/${outcome.questionnaireId}`);
    response.setHeader('ETag', etag(view.version));
    if (outcome.replayed) response.setHeader('Idempotent-Replayed', 'true');
    return view;
  }
}
