import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Principal } from '@cx/auth';
import { etag } from '@cx/platform';
import type { Response } from 'express';
import { GetListeningCampaign } from '../../queries/get-campaign/get-campaign.query';
import type { ListeningCampaignView } from '../../queries/get-campaign/listening-campaign.view';
import { ChangeListeningCampaign, ListeningCampaignCommandInput } from './change-campaign.command';

/** What every campaign controller does: run the command, answer with the campaign and its new ETag. */
@Injectable()
export class CampaignCommands {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  async run(
    input: ListeningCampaignCommandInput,
    principal: Principal,
    expectedVersion: number | undefined,
    response: Response,
  ): Promise<ListeningCampaignView> {
    await this.commands.execute(new ChangeListeningCampaign(input, principal, expectedVersion));
    const view = await this.queries.execute<GetListeningCampaign, ListeningCampaignView>(
      new GetListeningCampaign(input.campaignId),
    );
    response.setHeader('ETag', etag(view.version));
    return view;
  }
}
