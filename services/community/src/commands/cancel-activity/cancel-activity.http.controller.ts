import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { COMMUNITY_STAFF } from '../../community-roles';
import { CommunityActivityView } from '../../queries/get-activity/community-activity.view';
import { ActivityCommands } from '../command-on-activity/activity-commands';
import { CancelActivityRequest } from './cancel-activity.dto';

@ApiTags('community activities')
@Controller('activities')
export class CancelCommunityActivityController {
  constructor(private readonly activities: ActivityCommands) {}

  @Post(':activityId/cancellation')
  @HttpCode(200)
  @Roles(...COMMUNITY_STAFF)
  @ApiOperation({
    summary: 'Cancel a draft or published activity; residents holding or waiting for places are notified',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiOkResponse({ type: CommunityActivityView })
  cancel(
    @Param('activityId', new ParseUUIDPipe()) activityId: string,
    @Body() request: CancelActivityRequest,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommunityActivityView> {
    return this.activities.run(
      { type: 'CancelCommunityActivity', activityId, reason: request.reason },
      principal,
      expectedVersion,
      response,
    );
  }
}
