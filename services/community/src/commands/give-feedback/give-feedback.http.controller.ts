import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import type { Response } from 'express';
import { ON_RESIDENTS_BEHALF } from '../../community-roles';
import { ActivityRegistrationView } from '../../queries/get-registration/activity-registration.view';
import { ActivityCommands } from '../command-on-activity/activity-commands';
import { GiveActivityFeedbackCommand } from './give-feedback.command';
import { GiveFeedbackRequest } from './give-feedback.dto';

@ApiTags('activity registrations')
@Controller('activities')
export class GiveActivityFeedbackController {
  constructor(
    private readonly commands: CommandBus,
    private readonly activities: ActivityCommands,
  ) {}

  @Post(':activityId/registrations/:registrationId/feedback')
  @HttpCode(200)
  @Roles(...ON_RESIDENTS_BEHALF)
  @ApiOperation({ summary: 'An attendee rates the activity (1-5), with a comment if they like; once per registration' })
  @ApiOkResponse({ type: ActivityRegistrationView })
  async give(
    @Param('activityId', new ParseUUIDPipe()) activityId: string,
    @Param('registrationId', new ParseUUIDPipe()) registrationId: string,
    @Body() request: GiveFeedbackRequest,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ActivityRegistrationView> {
    await this.commands.execute(new GiveActivityFeedbackCommand(activityId, registrationId, request, principal));
    return this.activities.registration(activityId, registrationId, principal, response);
  }
}
