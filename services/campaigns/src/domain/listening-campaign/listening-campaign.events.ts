/** The ListeningCampaign stream's events are the published contract; the domain uses the same types. */
export type { ListeningCampaignCreatedV1, ListeningCampaignEvent } from '@cx/contracts';
