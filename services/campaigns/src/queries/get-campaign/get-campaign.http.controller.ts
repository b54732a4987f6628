import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@cx/auth';
import { etag } from '@cx/platform';
import type { Response } from 'express';
import { GetListeningCampaign } from './get-campaign.query';
import { ListeningCampaignView } from './listening-campaign.view';

@ApiTags('listening campaigns')
@Controller('campaigns')
export class GetListeningCampaignController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':campaignId')
  @Roles('campaign_admin', 'manager', 'ceo_office', 'auditor', 'hr', 'admin')
  @ApiOperation({
    summary: 'A listening campaign with its period, activity kinds and status; ETag carries its version',
  })
  @ApiOkResponse({ type: ListeningCampaignView })
  async get(
    @Param('campaignId', new ParseUUIDPipe()) campaignId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ListeningCampaignView> {
    const view = await this.queries.execute<GetListeningCampaign, ListeningCampaignView>(
      new GetListeningCampaign(campaignId),
    );
    response.setHeader('ETag', etag(view.version));
    return view;
  }
}
