import type { ActivityKind } from '@cx/contracts';

/** Every command names its campaign and arrives with `now`: the decider has no clock of its own. */
interface OnCampaign {
  campaignId: string;
  now: Date;
}

export interface CreateListeningCampaign extends OnCampaign {
  type: 'CreateListeningCampaign';
  name: string;
  /** YYYY-MM-DD in the group's time zone, both inclusive. */
  periodStart: string;
  periodEnd: string;
  activityKinds: ActivityKind[];
}

export interface OpenListeningCampaign extends OnCampaign {
  type: 'OpenListeningCampaign';
}

export interface CloseListeningCampaign extends OnCampaign {
  type: 'CloseListeningCampaign';
}

export type ListeningCampaignCommand = CreateListeningCampaign | OpenListeningCampaign | CloseListeningCampaign;
