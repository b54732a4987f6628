import type { ProjectType } from '@cx/contracts';
import type { ScorecardChangeV1 } from './appraisal-scorecard.events';
import type { ScorecardLines } from './scorecard-lines';

/** One step of a scorecard's audit trail: revision 0 is the freeze, then each correction. */
export interface ScorecardRevision {
  revision: number;
  reason: string | null;
  by: string;
  at: string;
  changes: ScorecardChangeV1[];
}

/** not_frozen → frozen; a correction leaves it frozen, with its lines as they now stand and one more revision. */
export type AppraisalScorecardState =
  | { status: 'not_frozen' }
  | ({
      status: 'frozen';
      scorecardId: string;
      period: string;
      projectType: ProjectType;
      waveId: string;
      minimumResponses: number;
      excludedResponses: ReadonlySet<string>;
      history: ScorecardRevision[];
    } & ScorecardLines);

export type FrozenScorecard = Extract<AppraisalScorecardState, { status: 'frozen' }>;
