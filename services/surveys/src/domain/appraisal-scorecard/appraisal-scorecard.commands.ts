import type { ProjectType } from '@cx/contracts';
import type { SurveyWaveState } from '../survey-wave/survey-wave.state';
import type { AppraisalRegister, ScoredResponse, ScorecardLines } from './scorecard-lines';

/** What the figures are computed from, read by the handler: the decider does no I/O. */
interface Figures {
  scorecardId: string;
  period: string;
  projectType: ProjectType;
  now: Date;
  /** The complete responses of the month's wave, every one (exclusions are the scorecard's to apply). */
  responses: ScoredResponse[];
  register: AppraisalRegister;
  /** Last month's scorecard of the project type as it now stands; null when there is none. */
  previous: ScorecardLines | null;
}

export interface FreezeScorecard extends Figures {
  type: 'FreezeScorecard';
  /** The month's wave of the project type, as it stands; not_planned when there is none. */
  wave: SurveyWaveState;
  minimumResponses: number;
  frozenBy: string;
}

/** Figures again from the same wave: without the responses named, with the register as it now is. */
export interface CorrectScorecard extends Figures {
  type: 'CorrectScorecard';
  reason: string;
  excludeResponses: string[];
  correctedBy: string;
}

export type AppraisalScorecardCommand = FreezeScorecard | CorrectScorecard;
