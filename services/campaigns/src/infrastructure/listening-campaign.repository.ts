import { Injectable } from '@nestjs/common';
import { LISTENING_CAMPAIGN_STREAM_TYPE, listeningCampaignEventSchemas } from '@cx/contracts';
import { AggregateRepository, PostgresEventStore, versionOneCodec } from '@cx/event-store';
import type { ListeningCampaignCommand } from '../domain/listening-campaign/listening-campaign.commands';
import { listeningCampaignDecider } from '../domain/listening-campaign/listening-campaign.decider';
import type { ListeningCampaignEvent } from '../domain/listening-campaign/listening-campaign.events';
import type { ListeningCampaignState } from '../domain/listening-campaign/listening-campaign.state';

@Injectable()
export class ListeningCampaignRepository extends AggregateRepository<
  ListeningCampaignCommand,
  ListeningCampaignEvent,
  ListeningCampaignState
> {
  constructor(store: PostgresEventStore) {
    super(
      store,
      listeningCampaignDecider,
      LISTENING_CAMPAIGN_STREAM_TYPE,
      versionOneCodec<ListeningCampaignEvent>(listeningCampaignEventSchemas),
    );
  }
}
