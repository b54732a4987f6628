import { Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { COMMUNITY_STAFF } from '../../community-roles';
import { CommunityActivityView } from '../../queries/get-activity/community-activity.view';
import { ActivityCommands } from '../command-on-activity/activity-commands';

@ApiTags('community activities')
@Controller('activities')
export class PublishCommunityActivityController {
  constructor(private readonly activities: ActivityCommands) {}

  @Post(':activityId/publication')
  @HttpCode(200)
  @Roles(...COMMUNITY_STAFF)
  @ApiOperation({ summary: 'Publish a draft: residents register in its registration window' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiOkResponse({ type: CommunityActivityView })
  publish(
    @Param('activityId', new ParseUUIDPipe()) activityId: string,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommunityActivityView> {
    return this.activities.run({ type: 'PublishCommunityActivity', activityId }, principal, expectedVersion, response);
  }
}
