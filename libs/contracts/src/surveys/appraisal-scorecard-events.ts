import { ORG_CODE_PATTERN } from '../complaints/complaint-vocabulary';
import { INTERVIEWER_ID_PATTERN, PROJECT_TYPES, ProjectType, SURVEY_PERIOD_PATTERN } from './survey-vocabulary';

/** A reason for correcting a frozen scorecard: staff text about the correction, travels in the event. */
export const SCORECARD_REASON_MAX_LENGTH = 500;
/** Projects (and teams) on one scorecard; bounds the size of the event that lists them. */
export const SCORECARD_ENTRIES_MAX_COUNT = 2000;

/**
 * One line of a scorecard: a project, or a responsible team (its projects' answers pooled). Indices are 0-100
 * (services/surveys/README.md, "Appraisal scorecards"), rounded to two decimals. An insufficient line (fewer
 * responses than the scorecard's minimum) has its index and interval for information only: no rank, no change,
 * no comparison with the target.
 */
export interface ScorecardEntryV1 {
  /** The project code, or the team's code. */
  code: string;
  /** A project's responsible team from the register; a team line names itself. Null when the register has none. */
  team: string | null;
  /** Complete responses with at least one rating. */
  responses: number;
  /** Rating answers scored. */
  answers: number;
  /** Mean answer score 0-100; null without answers. */
  index: number | null;
  /** 95% confidence interval of the index (Student's t); null below two answers. */
  ciLow: number | null;
  ciHigh: number | null;
  insufficient: boolean;
  /** 1 = highest index among the sufficient lines of its kind; ties share a rank. */
  rank: number | null;
  /** The same line's index on the previous month's scorecard (current revision). */
  previousIndex: number | null;
  /** index − previousIndex, when both are sufficient. */
  change: number | null;
  target: number | null;
  /** index − target, when sufficient and a target is set. */
  againstTarget: number | null;
}

/** A correction's audit trail: one figure of one line, before and after. */
export interface ScorecardChangeV1 {
  kind: 'project' | 'team';
  code: string;
  field: string;
  from: number | string | boolean | null;
  to: number | string | boolean | null;
}

interface ScorecardLines {
  projects: ScorecardEntryV1[];
  teams: ScorecardEntryV1[];
}

/**
 * Events of the AppraisalScorecard stream, version 1, published on the surveys topic (key = scorecard id, derived
 * from project type and period). Frozen once, when the month's wave is closed; never edited: a correction is a
 * new event naming why, who and what changed, with every line as it now stands.
 */
export interface ScorecardFrozenV1 extends ScorecardLines {
  scorecardId: string;
  period: string;
  projectType: ProjectType;
  waveId: string;
  minimumResponses: number;
  /** Responses left out of the figures by corrections; none when frozen. */
  excludedResponses: string[];
  frozenBy: string;
  frozenAt: string;
}

export interface ScorecardCorrectedV1 extends ScorecardLines {
  scorecardId: string;
  period: string;
  projectType: ProjectType;
  /** 1 for the first correction, then 2, … */
  revision: number;
  reason: string;
  changes: ScorecardChangeV1[];
  /** Every response left out so far, this correction's included. */
  excludedResponses: string[];
  correctedBy: string;
  correctedAt: string;
}

export type AppraisalScorecardEvent =
  { type: 'ScorecardFrozen'; data: ScorecardFrozenV1 } | { type: 'ScorecardCorrected'; data: ScorecardCorrectedV1 };

export const APPRAISAL_SCORECARD_STREAM_TYPE = 'AppraisalScorecard';

const uuid = { type: 'string', format: 'uuid' } as const;
const timestamp = { type: 'string', format: 'date-time' } as const;
const staffId = { type: 'string', pattern: INTERVIEWER_ID_PATTERN } as const;
const nullableNumber = { anyOf: [{ type: 'number' }, { type: 'null' }] } as const;

const entry = {
  type: 'object',
  additionalProperties: false,
  required: [
    'code',
    'team',
    'responses',
    'answers',
    'index',
    'ciLow',
    'ciHigh',
    'insufficient',
    'rank',
    'previousIndex',
    'change',
    'target',
    'againstTarget',
  ],
  properties: {
    code: { type: 'string', pattern: ORG_CODE_PATTERN },
    team: { anyOf: [{ type: 'string', pattern: ORG_CODE_PATTERN }, { type: 'null' }] },
    responses: { type: 'integer', minimum: 0 },
    answers: { type: 'integer', minimum: 0 },
    index: nullableNumber,
    ciLow: nullableNumber,
    ciHigh: nullableNumber,
    insufficient: { type: 'boolean' },
    rank: { anyOf: [{ type: 'integer', minimum: 1 }, { type: 'null' }] },
    previousIndex: nullableNumber,
    change: nullableNumber,
    target: nullableNumber,
    againstTarget: nullableNumber,
  },
} as const;

const lines = {
  projects: { type: 'array', maxItems: SCORECARD_ENTRIES_MAX_COUNT, items: entry },
  teams: { type: 'array', maxItems: SCORECARD_ENTRIES_MAX_COUNT, items: entry },
} as const;

const figure = { anyOf: [{ type: 'number' }, { type: 'string' }, { type: 'boolean' }, { type: 'null' }] } as const;
const excludedResponses = { type: 'array', items: uuid } as const;

const frozen = {
  scorecardId: uuid,
  period: { type: 'string', pattern: SURVEY_PERIOD_PATTERN },
  projectType: { enum: PROJECT_TYPES },
  waveId: uuid,
  minimumResponses: { type: 'integer', minimum: 1 },
  ...lines,
  excludedResponses,
  frozenBy: staffId,
  frozenAt: timestamp,
} as const;

const corrected = {
  scorecardId: uuid,
  period: { type: 'string', pattern: SURVEY_PERIOD_PATTERN },
  projectType: { enum: PROJECT_TYPES },
  revision: { type: 'integer', minimum: 1 },
  reason: { type: 'string', minLength: 1, maxLength: SCORECARD_REASON_MAX_LENGTH },
  changes: {
    type: 'array',
    minItems: 1,
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'code', 'field', 'from', 'to'],
      properties: {
        kind: { enum: ['project', 'team'] },
        code: { type: 'string', pattern: ORG_CODE_PATTERN },
        field: { type: 'string' },
        from: figure,
        to: figure,
      },
    },
  },
  ...lines,
  excludedResponses,
  correctedBy: staffId,
  correctedAt: timestamp,
} as const;

export const appraisalScorecardEventSchemas = {
  ScorecardFrozen: {
    1: {
      title: 'ScorecardFrozen',
      description:
        "A month's appraisal scorecard of one project type, frozen once its wave was closed: each project's and " +
        "team's satisfaction index, responses, 95% interval, insufficient flag, rank, change and target.",
      type: 'object',
      additionalProperties: false,
      required: Object.keys(frozen),
      properties: frozen,
    },
  },
  ScorecardCorrected: {
    1: {
      title: 'ScorecardCorrected',
      description:
        'A frozen scorecard corrected: why, by whom, what changed, and every line as it now stands. Never an edit.',
      type: 'object',
      additionalProperties: false,
      required: Object.keys(corrected),
      properties: corrected,
    },
  },
} as const;
