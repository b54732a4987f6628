import type { ProblemLinkKind } from '@cx/contracts';
import type { CampaignProblemRaisedV1 } from './campaign-problem.events';

/** A complaint or a typical-case review the problem relates to, by its id in the complaints service. */
export interface ProblemLink {
  linkKind: ProblemLinkKind;
  linkedId: string;
  linkedAt: string;
}

export interface ImprovementActionStep {
  step: 'added' | 'completed' | 'verified' | 'sent_back';
  at: string;
  /** Who completed or verified; the other steps' authors are in the events' actor. */
  by: string | null;
  /** Completion note or reason for sending back. */
  text: string | null;
}

/** open → completed → verified; a completed action sent back is open again. */
export interface ImprovementAction {
  actionId: string;
  description: string;
  ownerId: string;
  dueDate: string;
  status: 'open' | 'completed' | 'verified';
  steps: ImprovementActionStep[];
}

/** What every raised problem has, whatever its status. */
export interface Raised {
  problemId: string;
  campaignId: string;
  details: CampaignProblemRaisedV1;
  links: ProblemLink[];
  actions: ImprovementAction[];
}

/** not_raised → open (raised) → closed. A closed problem always has its closing time: the compiler checks it. */
export type CampaignProblemState =
  { status: 'not_raised' } | ({ status: 'open' } & Raised) | ({ status: 'closed'; closedAt: string } & Raised);

export type CampaignProblemStatus = CampaignProblemState['status'];
export type RaisedProblem = Exclude<CampaignProblemState, { status: 'not_raised' }>;
