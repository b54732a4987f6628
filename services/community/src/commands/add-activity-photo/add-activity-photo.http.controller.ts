import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { COMMUNITY_STAFF } from '../../community-roles';
import { CommunityActivityView } from '../../queries/get-activity/community-activity.view';
import { ActivityCommands } from '../command-on-activity/activity-commands';
import { AddActivityPhotoRequest } from './add-activity-photo.dto';

@ApiTags('community activities')
@Controller('activities')
export class AddActivityPhotoController {
  constructor(private readonly activities: ActivityCommands) {}

  @Post(':activityId/photos')
  @HttpCode(201)
  @Roles(...COMMUNITY_STAFF)
  @ApiOperation({ summary: 'Add a photo of an activity that has started, as a reference to where it is stored' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiCreatedResponse({ type: CommunityActivityView })
  add(
    @Param('activityId', new ParseUUIDPipe()) activityId: string,
    @Body() request: AddActivityPhotoRequest,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommunityActivityView> {
    return this.activities.run(
      {
        type: 'AddActivityPhoto',
        activityId,
        photoId: randomUUID(),
        reference: request.reference,
        addedBy: principal.sub,
      },
      principal,
      expectedVersion,
      response,
    );
  }
}
