import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IdempotencyKey, IdempotencyKeyHeader } from '@cx/platform';
import type { Response } from 'express';
import { COMMUNITY_STAFF } from '../../community-roles';
import { CommunityActivityView } from '../../queries/get-activity/community-activity.view';
import { ActivityCommands } from '../command-on-activity/activity-commands';
import { PlanCommunityActivityCommand, PlanOutcome } from './plan-activity.command';
import { PlanActivityRequest } from './plan-activity.dto';

@ApiTags('community activities')
@Controller('activities')
export class PlanCommunityActivityController {
  constructor(
    private readonly commands: CommandBus,
    private readonly activities: ActivityCommands,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles(...COMMUNITY_STAFF)
  @ApiOperation({ summary: 'Plan an activity for a community (draft): category, ages, venue, times, places, window' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeating a key returns the first result' })
  @ApiCreatedResponse({ type: CommunityActivityView })
  async plan(
    @Body() request: PlanActivityRequest,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey: IdempotencyKeyHeader | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommunityActivityView> {
    const outcome = await this.commands.execute<PlanCommunityActivityCommand, PlanOutcome>(
      new PlanCommunityActivityCommand(request, principal, idempotencyKey),
    );
    response.setHeader('Location', `/v1/activities/${outcome.activityId}`);
    if (outcome.replayed) response.setHeader('Idempotent-Replayed', 'true');
    return this.activities.activity(outcome.activityId, principal, response);
  }
}
