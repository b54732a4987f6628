import { Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { ListeningCampaignView } from '../../queries/get-campaign/listening-campaign.view';
import { CampaignCommands } from '../change-campaign/campaign-commands';

@ApiTags('listening campaigns')
@Controller('campaigns')
export class OpenListeningCampaignController {
  constructor(private readonly campaigns: CampaignCommands) {}

  @Post(':campaignId/opening')
  @HttpCode(200)
  @Roles('campaign_admin', 'admin')
  @ApiOperation({ summary: 'Open a draft campaign: activities are recorded from now on' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiOkResponse({ type: ListeningCampaignView })
  open(
    @Param('campaignId', new ParseUUIDPipe()) campaignId: string,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ListeningCampaignView> {
    return this.campaigns.run({ type: 'OpenListeningCampaign', campaignId }, principal, expectedVersion, response);
  }
}
