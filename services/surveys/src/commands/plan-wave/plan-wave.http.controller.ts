import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { etag, IdempotencyKey, IdempotencyKeyHeader } from '@cx/platform';
import type { Response } from 'express';
import { GetSurveyWave } from '../../queries/get-wave/get-wave.query';
import { SurveyWaveView } from '../../queries/get-wave/survey-wave.view';
import { PlanSurveyWaveCommand, PlanSurveyWaveOutcome } from './plan-wave.command';
import { PlanSurveyWaveRequest } from './plan-wave.dto';

@ApiTags('survey waves')
@Controller('waves')
export class PlanSurveyWaveController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({ summary: 'Plan a month’s wave of a project type with a published questionnaire version' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeating a key returns the first result' })
  @ApiCreatedResponse({ type: SurveyWaveView })
  async plan(
    @Body() request: PlanSurveyWaveRequest,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey: IdempotencyKeyHeader | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SurveyWaveView> {
    const outcome = await this.commands.execute<PlanSurveyWaveCommand, PlanSurveyWaveOutcome>(
      new PlanSurveyWaveCommand(request, principal, idempotencyKey),
    );
    const view = await this.queries.execute<GetSurveyWave, SurveyWaveView>(new GetSurveyWave(outcome.waveId));
    response.setHeader('Location', `/v1/waves/${outcome.waveId}`);
    response.setHeader('ETag', etag(view.version));
    if (outcome.replayed) response.setHeader('Idempotent-Replayed', 'true');
    return view;
  }
}
