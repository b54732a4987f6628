import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IdempotencyKey, IdempotencyKeyHeader } from '@cx/platform';
import type { Response } from 'express';
import { ON_RESIDENTS_BEHALF } from '../../community-roles';
import { ActivityRegistrationView } from '../../queries/get-registration/activity-registration.view';
import { ActivityCommands } from '../command-on-activity/activity-commands';
import { RegisterForActivityCommand, RegistrationOutcome } from './register-for-activity.command';
import { RegisterForActivityRequest } from './register-for-activity.dto';

@ApiTags('activity registrations')
@Controller('activities')
export class RegisterForActivityController {
  constructor(
    private readonly commands: CommandBus,
    private readonly activities: ActivityCommands,
  ) {}

  @Post(':activityId/registrations')
  @HttpCode(201)
  @Roles(...ON_RESIDENTS_BEHALF)
  @ApiOperation({
    summary:
      'Register a resident and their party: confirmed with a check-in code while places are free, else waitlisted',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeating a key returns the first result' })
  @ApiCreatedResponse({ type: ActivityRegistrationView })
  async register(
    @Param('activityId', new ParseUUIDPipe()) activityId: string,
    @Body() request: RegisterForActivityRequest,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey: IdempotencyKeyHeader | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ActivityRegistrationView> {
    const outcome = await this.commands.execute<RegisterForActivityCommand, RegistrationOutcome>(
      new RegisterForActivityCommand(activityId, request, principal, idempotencyKey),
    );
    response.setHeader('Location', `/v1/activities/${activityId}/registrations/${outcome.registrationId}`);
    if (outcome.replayed) response.setHeader('Idempotent-Replayed', 'true');
    return this.activities.registration(activityId, outcome.registrationId, principal, response);
  }
}
