import type { ProjectType } from '@cx/contracts';
import type { QuestionnaireState } from '../questionnaire/questionnaire.state';
import type { SamplingQuota } from '../sampling/sampler';
import type { FrameEntry } from '../sampling/sampling-frame';

/** Every command names its wave and arrives with `now`: the decider has no clock of its own. */
interface OnWave {
  waveId: string;
  now: Date;
}

export interface PlanSurveyWave extends OnWave {
  type: 'PlanSurveyWave';
  /** YYYY-MM. */
  period: string;
  projectType: ProjectType;
  questionnaireId: string;
  questionnaireVersion: number;
  fatigueMonths: number;
  /** The questionnaire as it stands, read by the handler from its own stream. */
  questionnaire: QuestionnaireState;
}

/** The frame, whole; loading again before the draw replaces it. */
export interface LoadSamplingFrame extends OnWave {
  type: 'LoadSamplingFrame';
  entries: FrameEntry[];
}

export interface DrawSample extends OnWave {
  type: 'DrawSample';
  seed: string;
  quotas: SamplingQuota[];
  /** The frame as stored when it was loaded; its digest must still be the recorded one. */
  frame: FrameEntry[];
  /** Customers of the frame with a complete response in the fatigue window, from earlier waves. */
  recentlySurveyed: ReadonlySet<string>;
}

export interface IssueSurveyLinks extends OnWave {
  type: 'IssueSurveyLinks';
  issueId: string;
  /** A new link id for each customer named; customers who hold a link already keep it and get none. */
  links: { linkId: string; subjectId: string }[];
  expiresAt: Date;
}

export interface CloseSurveyWave extends OnWave {
  type: 'CloseSurveyWave';
}

export type SurveyWaveCommand = PlanSurveyWave | LoadSamplingFrame | DrawSample | IssueSurveyLinks | CloseSurveyWave;
