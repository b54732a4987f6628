import { Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { ON_RESIDENTS_BEHALF } from '../../community-roles';
import { ActivityRegistrationView } from '../../queries/get-registration/activity-registration.view';
import { ActivityCommands } from '../command-on-activity/activity-commands';
import { CommandOnActivity } from '../command-on-activity/command-on-activity.command';

@ApiTags('activity registrations')
@Controller('activities')
export class CancelActivityRegistrationController {
  constructor(
    private readonly commands: CommandBus,
    private readonly activities: ActivityCommands,
  ) {}

  @Post(':activityId/registrations/:registrationId/cancellation')
  @HttpCode(200)
  @Roles(...ON_RESIDENTS_BEHALF)
  @ApiOperation({
    summary: 'Cancel a registration before the start (or decline an offer); its places go to the first in line at once',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The activity’s ETag; stale → 412' })
  @ApiOkResponse({ type: ActivityRegistrationView })
  async cancel(
    @Param('activityId', new ParseUUIDPipe()) activityId: string,
    @Param('registrationId', new ParseUUIDPipe()) registrationId: string,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ActivityRegistrationView> {
    await this.commands.execute(
      new CommandOnActivity(
        { type: 'CancelActivityRegistration', activityId, registrationId },
        principal,
        expectedVersion,
      ),
    );
    return this.activities.registration(activityId, registrationId, principal, response);
  }
}
