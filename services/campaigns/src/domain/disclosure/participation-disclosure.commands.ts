import type { ListeningCampaignState } from '../listening-campaign/listening-campaign.state';
import type { ParticipationCount } from './participation-count';

export interface FreezeParticipationDisclosure {
  type: 'FreezeParticipationDisclosure';
  disclosureId: string;
  campaignId: string;
  /** The campaign as it stands: only a closed campaign's figures are disclosed. */
  campaign: ListeningCampaignState;
  /** Every event at or below this position is final (no later commit can land below it). */
  throughPosition: string;
  count: ParticipationCount;
  now: Date;
}

export type ParticipationDisclosureCommand = FreezeParticipationDisclosure;
