import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ListeningCampaignNotFound } from '../../domain/listening-campaign/listening-campaign.errors';
import { ListeningCampaignRepository } from '../../infrastructure/listening-campaign.repository';
import { GetListeningCampaign } from './get-campaign.query';
import { ListeningCampaignView, toListeningCampaignView } from './listening-campaign.view';

/** Reads the stream itself: the owning service answers from its own truth, not from a projection. */
@QueryHandler(GetListeningCampaign)
export class GetListeningCampaignHandler implements IQueryHandler<GetListeningCampaign, ListeningCampaignView> {
  constructor(private readonly campaigns: ListeningCampaignRepository) {}

  async execute({ campaignId }: GetListeningCampaign): Promise<ListeningCampaignView> {
    const { state, version } = await this.campaigns.load(campaignId);
    if (state.status === 'not_created') throw new ListeningCampaignNotFound(campaignId);
    return toListeningCampaignView(state, version);
  }
}
