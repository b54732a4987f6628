import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { COMMUNITY_STAFF } from '../../community-roles';
import { CommunityActivityView } from '../../queries/get-activity/community-activity.view';
import { ActivityCommands } from '../command-on-activity/activity-commands';
import { utc } from '../field-shapes';
import { ChangeActivityRequest } from './change-activity.dto';

const TIMES = ['startsAt', 'endsAt', 'registrationOpensAt', 'registrationClosesAt'] as const;

@ApiTags('community activities')
@Controller('activities')
export class ChangeCommunityActivityController {
  constructor(private readonly activities: ActivityCommands) {}

  @Post(':activityId/changes')
  @HttpCode(200)
  @Roles(...COMMUNITY_STAFF)
  @ApiOperation({
    summary:
      'Change a draft or published activity before it starts; residents holding or waiting for places are notified',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiOkResponse({ type: CommunityActivityView })
  change(
    @Param('activityId', new ParseUUIDPipe()) activityId: string,
    @Body() request: ChangeActivityRequest,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommunityActivityView> {
    const changes = { ...request };
    for (const time of TIMES) if (changes[time] !== undefined) changes[time] = utc(changes[time]);
    return this.activities.run(
      { type: 'ChangeCommunityActivity', activityId, changes },
      principal,
      expectedVersion,
      response,
    );
  }
}
