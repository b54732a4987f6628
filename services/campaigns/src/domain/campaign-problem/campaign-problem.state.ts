import type { ProblemLinkKind } from '@cx/contracts';
import type { ImprovementAction } from '@cx/domain';
import type { CampaignProblemRaisedV1 } from './campaign-problem.events';

/** A complaint or a typical-case review the problem relates to, by its id in the complaints service. */
export interface ProblemLink {
  linkKind: ProblemLinkKind;
  linkedId: string;
  linkedAt: string;
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
