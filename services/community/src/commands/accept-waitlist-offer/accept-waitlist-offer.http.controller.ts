import { Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { ON_RESIDENTS_BEHALF } from '../../community-roles';
import { ActivityRegistrationView } from '../../queries/get-registration/activity-registration.view';
import { ActivityCommands } from '../command-on-activity/activity-commands';
import { AcceptWaitlistOfferCommand } from './accept-waitlist-offer.command';

@ApiTags('activity registrations')
@Controller('activities')
export class AcceptWaitlistOfferController {
  constructor(
    private readonly commands: CommandBus,
    private readonly activities: ActivityCommands,
  ) {}

  @Post(':activityId/registrations/:registrationId/offer-acceptance')
  @HttpCode(200)
  @Roles(...ON_RESIDENTS_BEHALF)
  @ApiOperation({ summary: 'Accept the places a waitlist offer holds, before it lapses; answers the check-in code' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The activity’s ETag; stale → 412' })
  @ApiOkResponse({ type: ActivityRegistrationView })
  async accept(
    @Param('activityId', new ParseUUIDPipe()) activityId: string,
    @Param('registrationId', new ParseUUIDPipe()) registrationId: string,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ActivityRegistrationView> {
    await this.commands.execute(new AcceptWaitlistOfferCommand(activityId, registrationId, principal, expectedVersion));
    return this.activities.registration(activityId, registrationId, principal, response);
  }
}
