import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { etag } from '@cx/platform';
import type { Response } from 'express';
import { COMMUNITY_READERS } from '../../community-roles';
import { CommunityActivityView } from './community-activity.view';
import { GetCommunityActivity } from './get-activity.query';

@ApiTags('community activities')
@Controller('activities')
export class GetCommunityActivityController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':activityId')
  @Roles(...COMMUNITY_READERS)
  @ApiOperation({ summary: 'An activity with its places, registrations and photos; ETag carries its version' })
  @ApiOkResponse({ type: CommunityActivityView })
  async get(
    @Param('activityId', new ParseUUIDPipe()) activityId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommunityActivityView> {
    const view = await this.queries.execute<GetCommunityActivity, CommunityActivityView>(
      new GetCommunityActivity(activityId, principal),
    );
    response.setHeader('ETag', etag(view.version));
    return view;
  }
}
