import type { ActivityKind } from '@cx/contracts';
import type { Employment } from '../eligibility';
import type { ListeningCampaignState } from '../listening-campaign/listening-campaign.state';

/** One activity as sent, with the row it came from and the id the handler gave it. */
export interface ActivityToRecord {
  row: number;
  activityId: string;
  personId: string;
  kind: ActivityKind;
  /** YYYY-MM-DD in the group's time zone. */
  date: string;
  customersMet: number;
  scenario: string;
  findings: string[];
}

export interface RecordParticipationActivities {
  type: 'RecordParticipationActivities';
  submissionId: string;
  campaignId: string;
  /** The campaign as it stands, read by the handler from its own stream. */
  campaign: ListeningCampaignState;
  /** The roster entries of the people the activities name; someone missing here is not on the roster. */
  roster: ReadonlyMap<string, Employment>;
  activities: ActivityToRecord[];
  now: Date;
}

export type ParticipationSubmissionCommand = RecordParticipationActivities;
