import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IdempotencyKey, IdempotencyKeyHeader } from '@cx/platform';
import type { Response } from 'express';
import { SurveyResponseView } from '../record-response/survey-response.view';
import { InterviewRequest } from './interview.dto';
import { RecordInterviewCommand, RecordInterviewOutcome } from './record-interview.command';

@ApiTags('survey responses')
@Controller('waves')
export class RecordInterviewController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':waveId/interviews')
  @HttpCode(201)
  @Roles('interviewer')
  @ApiOperation({ summary: 'Record an interview in person: a sampled customer face to face, or a consumer intercept' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeating a key returns the first result' })
  @ApiCreatedResponse({ type: SurveyResponseView })
  async record(
    @Param('waveId', new ParseUUIDPipe()) waveId: string,
    @Body() request: InterviewRequest,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey: IdempotencyKeyHeader | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SurveyResponseView> {
    const outcome = await this.commands.execute<RecordInterviewCommand, RecordInterviewOutcome>(
      new RecordInterviewCommand(waveId, request, principal, idempotencyKey),
    );
    if (outcome.replayed) response.setHeader('Idempotent-Replayed', 'true');
    return outcome.response;
  }
}
