import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IdempotencyKey, IdempotencyKeyHeader } from '@cx/platform';
import type { Response } from 'express';
import { ParticipationActivityRequest } from './participation-activity.dto';
import { ParticipationActivityView } from './participation-activity.view';
import { RecordActivityCommand, RecordActivityOutcome } from './record-activity.command';

@ApiTags('participation')
@Controller('campaigns')
export class RecordActivityController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':campaignId/activities')
  @HttpCode(201)
  @Roles('campaign_admin', 'admin')
  @ApiOperation({ summary: 'Record one participation activity of someone on the roster, while the campaign is open' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeating a key returns the first result' })
  @ApiCreatedResponse({ type: ParticipationActivityView })
  async record(
    @Param('campaignId', new ParseUUIDPipe()) campaignId: string,
    @Body() request: ParticipationActivityRequest,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey: IdempotencyKeyHeader | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ParticipationActivityView> {
    const outcome = await this.commands.execute<RecordActivityCommand, RecordActivityOutcome>(
      new RecordActivityCommand(campaignId, request, principal, idempotencyKey),
    );
    if (outcome.replayed) response.setHeader('Idempotent-Replayed', 'true');
    return outcome.activity;
  }
}
