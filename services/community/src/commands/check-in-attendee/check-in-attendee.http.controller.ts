import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import type { Response } from 'express';
import { COMMUNITY_STAFF } from '../../community-roles';
import { ActivityRegistrationView } from '../../queries/get-registration/activity-registration.view';
import { ActivityCommands } from '../command-on-activity/activity-commands';
import { CheckInAttendeeCommand, CheckInBy } from './check-in-attendee.command';
import { ScanCheckInCodeRequest } from './check-in-attendee.dto';

@ApiTags('activity registrations')
@Controller('activities')
export class CheckInAttendeeController {
  constructor(
    private readonly commands: CommandBus,
    private readonly activities: ActivityCommands,
  ) {}

  @Post(':activityId/check-ins')
  @HttpCode(200)
  @Roles(...COMMUNITY_STAFF)
  @ApiOperation({
    summary: 'Scan a check-in code: the whole party is checked in; a second scan is 409 and counts nothing',
  })
  @ApiOkResponse({ type: ActivityRegistrationView })
  scan(
    @Param('activityId', new ParseUUIDPipe()) activityId: string,
    @Body() request: ScanCheckInCodeRequest,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ActivityRegistrationView> {
    return this.checkIn(activityId, { code: request.code }, principal, response);
  }

  @Post(':activityId/registrations/:registrationId/check-in')
  @HttpCode(200)
  @Roles(...COMMUNITY_STAFF)
  @ApiOperation({ summary: 'Check a registration in from the list (no code at hand); once only, as by code' })
  @ApiOkResponse({ type: ActivityRegistrationView })
  byStaff(
    @Param('activityId', new ParseUUIDPipe()) activityId: string,
    @Param('registrationId', new ParseUUIDPipe()) registrationId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ActivityRegistrationView> {
    return this.checkIn(activityId, { registrationId }, principal, response);
  }

  private async checkIn(activityId: string, by: CheckInBy, principal: Principal, response: Response) {
    const registrationId = await this.commands.execute<CheckInAttendeeCommand, string>(
      new CheckInAttendeeCommand(activityId, by, principal),
    );
    return this.activities.registration(activityId, registrationId, principal, response);
  }
}
