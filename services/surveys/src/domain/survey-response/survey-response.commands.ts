import type { Disposition, ResponseChannel } from '@cx/contracts';
import type { QuestionnaireState } from '../questionnaire/questionnaire.state';
import type { SurveyWaveState } from '../survey-wave/survey-wave.state';

/** An answer as given: the value is checked against its question's type by the decider. */
export interface GivenAnswer {
  questionId: string;
  value: unknown;
}

/** One response as sent, with the row it came from and the id the handler gave it. */
export interface ResponseToRecord {
  row: number;
  responseId: string;
  channel: ResponseChannel;
  /** The sampled customer; null for an intercept, whose respondent is not in the sample. */
  subjectId: string | null;
  /** Where an intercept took place; null for a sampled customer, whose project the sample gives. */
  site: { project: string; region: string } | null;
  disposition: Disposition;
  attempts: number;
  /** When the call, interview or form took place (ISO 8601). */
  respondedAt: string;
  answers: GivenAnswer[];
  interviewerId: string | null;
  linkId: string | null;
}

/** A sampled customer's case in a wave so far: its latest disposition, attempts and how many outcomes it has. */
export interface SurveyCase {
  disposition: Disposition;
  attempts: number;
  outcomes: number;
}

/** The single-use link a response came through, as stored. */
export interface SurveyLinkUse {
  linkId: string;
  waveId: string;
  subjectId: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface RecordSurveyResponses {
  type: 'RecordSurveyResponses';
  submissionId: string;
  waveId: string;
  /** The wave as it stands, read by the handler from its own stream. */
  wave: SurveyWaveState;
  /** The wave's questionnaire, read from its own stream. */
  questionnaire: QuestionnaireState;
  /** The cases of the customers the responses name; a customer missing here has none yet. */
  cases: ReadonlyMap<string, SurveyCase>;
  responses: ResponseToRecord[];
  /** For an answer through a survey link: the link; null otherwise. */
  link: SurveyLinkUse | null;
  now: Date;
}

export type SurveyResponseSubmissionCommand = RecordSurveyResponses;
