import type { ParticipationActivityRecordedV1, ProblemCategory, ProblemLinkKind } from '@cx/contracts';
import type { ListeningCampaignState } from '../listening-campaign/listening-campaign.state';

/**
 * Every command names its problem and the campaign it is reached through, and arrives with `now`: the decider
 * has no clock of its own.
 */
interface OnProblem {
  problemId: string;
  campaignId: string;
  now: Date;
}

export interface RaiseCampaignProblem extends OnProblem {
  type: 'RaiseCampaignProblem';
  /** The campaign as it stands, read by the handler from its own stream. */
  campaign: ListeningCampaignState;
  /** The activity named by the request, read by the handler from its submission; null when there is none. */
  activity: ParticipationActivityRecordedV1 | null;
  activityId: string;
  /** The finding's place in the activity's `findings`, from 0. */
  findingIndex: number;
  /** A new wording of the problem; null takes the finding's own text. */
  description: string | null;
  category: ProblemCategory;
  ownerId: string;
  /** YYYY-MM-DD in the group's time zone. */
  dueDate: string;
  raisedBy: string;
}

export interface LinkCampaignProblem extends OnProblem {
  type: 'LinkCampaignProblem';
  linkKind: ProblemLinkKind;
  linkedId: string;
}

export interface AddProblemAction extends OnProblem {
  type: 'AddProblemAction';
  actionId: string;
  description: string;
  ownerId: string;
  /** YYYY-MM-DD in the group's time zone. */
  dueDate: string;
}

export interface CompleteProblemAction extends OnProblem {
  type: 'CompleteProblemAction';
  actionId: string;
  completedBy: string;
  /** Campaign admins may record the completion for the owner; anyone else must be the owner. */
  byCampaignAdmin: boolean;
  note: string;
}

export interface VerifyProblemAction extends OnProblem {
  type: 'VerifyProblemAction';
  actionId: string;
  verifiedBy: string;
}

export interface SendBackProblemAction extends OnProblem {
  type: 'SendBackProblemAction';
  actionId: string;
  reason: string;
}

export interface CloseCampaignProblem extends OnProblem {
  type: 'CloseCampaignProblem';
}

export type CampaignProblemCommand =
  | RaiseCampaignProblem
  | LinkCampaignProblem
  | AddProblemAction
  | CompleteProblemAction
  | VerifyProblemAction
  | SendBackProblemAction
  | CloseCampaignProblem;
