import type { ListeningCampaignCreatedV1 } from './listening-campaign.events';

/** What every created campaign has, whatever its status. */
export interface Created {
  campaignId: string;
  details: ListeningCampaignCreatedV1;
}

/**
 * not_created → draft → open → closed. A union on status: an open or closed campaign always has its opening
 * time, a closed one its closing time, and the compiler checks it.
 */
export type ListeningCampaignState =
  | { status: 'not_created' }
  | ({ status: 'draft' } & Created)
  | ({ status: 'open'; openedAt: string } & Created)
  | ({ status: 'closed'; openedAt: string; closedAt: string } & Created);

export type ListeningCampaignStatus = ListeningCampaignState['status'];
export type CreatedCampaign = Exclude<ListeningCampaignState, { status: 'not_created' }>;
