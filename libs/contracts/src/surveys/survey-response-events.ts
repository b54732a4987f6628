import { ORG_CODE_PATTERN } from '../complaints/complaint-vocabulary';
import { SUBJECT_ID_PATTERN } from '../subject-id';
import {
  ATTEMPTS_MAX,
  Disposition,
  DISPOSITIONS,
  EVENT_ANSWER_TYPES,
  INTERVIEWER_ID_PATTERN,
  PROJECT_TYPES,
  ProjectType,
  QUESTIONS_MAX_COUNT,
  QuestionType,
  RESPONSE_CHANNELS,
  ResponseChannel,
  SURVEY_CODE_PATTERN,
  SURVEY_DIMENSIONS,
  SURVEY_PERIOD_PATTERN,
  SURVEY_STAGES,
  SurveyDimension,
  SurveyStage,
} from './survey-vocabulary';

/**
 * One answer as scored: the question, what it measures and of which stage, its type (the scale of a rating) and
 * the value: a whole number for a rating, a choice code, true or false. Free text never travels in events.
 */
export interface SurveyAnswerV1 {
  questionId: string;
  dimension: SurveyDimension;
  stage: SurveyStage;
  type: Exclude<QuestionType, 'free_text'>;
  value: number | string | boolean;
}

/**
 * Events of the SurveyResponseSubmission stream, version 1, published on the surveys topic (key = submission id).
 * A submission is the responses recorded by one request: thousands from a vendor's batch, one from an interview
 * or a survey link. Each response is an outcome of a sampled case (or an intercept, which has no case):
 * the latest outcome of a case, the highest `outcomeSequence`, is its disposition.
 */
export interface SurveyResponseRecordedV1 {
  submissionId: string;
  responseId: string;
  waveId: string;
  period: string;
  projectType: ProjectType;
  questionnaireId: string;
  questionnaireVersion: number;
  /** The sampled customer; null for an intercept interview, whose respondent is not in the sample. */
  subjectId: string | null;
  project: string;
  region: string;
  stage: SurveyStage;
  channel: ResponseChannel;
  disposition: Disposition;
  /** Contact attempts on the case so far. */
  attempts: number;
  /** The n-th outcome recorded for this case, from 1; 1 for an intercept. */
  outcomeSequence: number;
  answers: SurveyAnswerV1[];
  /** Free-text answers exist; they are kept in the surveys database only. */
  hasFreeText: boolean;
  /**
   * What the free-text answers were about: the dimensions of their questions, distinct and sorted, never the
   * text. A free text on `complaint_handling` is a complaint the complaints service follows up. Absent in events
   * recorded before it was added (read as none).
   */
  freeTextDimensions?: SurveyDimension[];
  interviewerId: string | null;
  linkId: string | null;
  respondedAt: string;
  recordedAt: string;
}

export type SurveyResponseSubmissionEvent = { type: 'SurveyResponseRecorded'; data: SurveyResponseRecordedV1 };

export const SURVEY_RESPONSE_SUBMISSION_STREAM_TYPE = 'SurveyResponseSubmission';

const uuid = { type: 'string', format: 'uuid' } as const;
const timestamp = { type: 'string', format: 'date-time' } as const;
const orgCode = { type: 'string', pattern: ORG_CODE_PATTERN } as const;

const answer = {
  type: 'object',
  additionalProperties: false,
  required: ['questionId', 'dimension', 'stage', 'type', 'value'],
  properties: {
    questionId: { type: 'string', pattern: SURVEY_CODE_PATTERN },
    dimension: { enum: SURVEY_DIMENSIONS },
    stage: { enum: SURVEY_STAGES },
    type: { enum: EVENT_ANSWER_TYPES },
    value: {
      anyOf: [
        { type: 'integer', minimum: 0, maximum: 10 },
        { type: 'boolean' },
        { type: 'string', pattern: SURVEY_CODE_PATTERN },
      ],
    },
  },
} as const;

const properties = {
  submissionId: uuid,
  responseId: uuid,
  waveId: uuid,
  period: { type: 'string', pattern: SURVEY_PERIOD_PATTERN },
  projectType: { enum: PROJECT_TYPES },
  questionnaireId: uuid,
  questionnaireVersion: { type: 'integer', minimum: 1 },
  subjectId: { anyOf: [{ type: 'string', pattern: SUBJECT_ID_PATTERN }, { type: 'null' }] },
  project: orgCode,
  region: orgCode,
  stage: { enum: SURVEY_STAGES },
  channel: { enum: RESPONSE_CHANNELS },
  disposition: { enum: DISPOSITIONS },
  attempts: { type: 'integer', minimum: 1, maximum: ATTEMPTS_MAX },
  outcomeSequence: { type: 'integer', minimum: 1 },
  answers: { type: 'array', maxItems: QUESTIONS_MAX_COUNT, items: answer },
  hasFreeText: { type: 'boolean' },
  interviewerId: { anyOf: [{ type: 'string', pattern: INTERVIEWER_ID_PATTERN }, { type: 'null' }] },
  linkId: { anyOf: [uuid, { type: 'null' }] },
  respondedAt: timestamp,
  recordedAt: timestamp,
} as const;

const optional = {
  freeTextDimensions: { type: 'array', uniqueItems: true, items: { enum: SURVEY_DIMENSIONS } },
} as const;

export const surveyResponseSubmissionEventSchemas = {
  SurveyResponseRecorded: {
    1: {
      title: 'SurveyResponseRecorded',
      description:
        'An outcome of a sampled case (or an intercept): its disposition and its scored answers; no free text.',
      type: 'object',
      additionalProperties: false,
      required: Object.keys(properties),
      properties: { ...properties, ...optional },
    },
  },
} as const;
