import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { etag } from '@cx/platform';
import type { Response } from 'express';
import { ON_RESIDENTS_BEHALF } from '../../community-roles';
import { ActivityRegistrationView } from './activity-registration.view';
import { GetActivityRegistration } from './get-registration.query';

@ApiTags('activity registrations')
@Controller('activities')
export class GetActivityRegistrationController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':activityId/registrations/:registrationId')
  @Roles(...ON_RESIDENTS_BEHALF)
  @ApiOperation({ summary: 'A registration: its status, place in line, offer, and check-in code while confirmed' })
  @ApiOkResponse({ type: ActivityRegistrationView })
  async get(
    @Param('activityId', new ParseUUIDPipe()) activityId: string,
    @Param('registrationId', new ParseUUIDPipe()) registrationId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ActivityRegistrationView> {
    const view = await this.queries.execute<GetActivityRegistration, ActivityRegistrationView>(
      new GetActivityRegistration(activityId, registrationId, principal),
    );
    response.setHeader('ETag', etag(view.version));
    return view;
  }
}
