import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { etag, IdempotencyKey, IdempotencyKeyHeader } from '@cx/platform';
import type { Response } from 'express';
import { GetListeningCampaign } from '../../queries/get-campaign/get-campaign.query';
import { ListeningCampaignView } from '../../queries/get-campaign/listening-campaign.view';
import { CreateListeningCampaignCommand, CreateOutcome } from './create-campaign.command';
import { CreateListeningCampaignRequest } from './create-campaign.dto';

@ApiTags('listening campaigns')
@Controller('campaigns')
export class CreateListeningCampaignController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('campaign_admin', 'admin')
  @ApiOperation({ summary: 'Set up a listening campaign (draft): its period and the activity kinds it counts' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeating a key returns the first result' })
  @ApiCreatedResponse({ type: ListeningCampaignView })
  async create(
    @Body() request: CreateListeningCampaignRequest,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey: IdempotencyKeyHeader | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ListeningCampaignView> {
    const outcome = await this.commands.execute<CreateListeningCampaignCommand, CreateOutcome>(
      new CreateListeningCampaignCommand(request, principal, idempotencyKey),
    );
    const view = await this.queries.execute<GetListeningCampaign, ListeningCampaignView>(
      new GetListeningCampaign(outcome.campaignId),
    );
    response.setHeader('Location', `/v1/campaigns/${outcome.campaignId}`);
    response.setHeader('ETag', etag(view.version));
    if (outcome.replayed) response.setHeader('Idempotent-Replayed', 'true');
    return view;
  }
}
