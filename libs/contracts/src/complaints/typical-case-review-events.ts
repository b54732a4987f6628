import { STAFF_REASON_MAX_LENGTH } from './complaint-lifecycle-events';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_SEVERITIES,
  ComplaintCategory,
  ComplaintSeverity,
  ORG_CODE_PATTERN,
  ROOT_CAUSE_CATEGORIES,
  RootCauseCategory,
} from './complaint-vocabulary';

/** Findings, improvement actions, completion notes and conclusions: staff text about the business, no personal data. */
export const REVIEW_TEXT_MAX_LENGTH = 2000;

/**
 * Events of the TypicalCaseReview stream, version 1, published on the complaints topic (key = review id).
 * A review names its complaint by id only and carries no customer id; it copies the complaint's project,
 * region, category and severity as they were when it was marked, so that projections need no join.
 */
export interface TypicalCaseMarkedV1 {
  reviewId: string;
  complaintId: string;
  project: string;
  region: string;
  category: ComplaintCategory;
  severity: ComplaintSeverity;
  reason: string;
  markedBy: string;
  markedAt: string;
}
export interface RootCauseRecordedV1 {
  reviewId: string;
  rootCauseCategory: RootCauseCategory;
  businessProblem: string;
  /** Null the first time; a revision names the category it replaces. */
  previousRootCauseCategory: RootCauseCategory | null;
  recordedAt: string;
}
export interface ImprovementActionAddedV1 {
  reviewId: string;
  actionId: string;
  description: string;
  ownerId: string;
  /** A calendar date, YYYY-MM-DD, in the group's time zone. */
  dueDate: string;
  addedAt: string;
}
export interface ImprovementActionCompletedV1 {
  reviewId: string;
  actionId: string;
  completedBy: string;
  note: string;
  completedAt: string;
}
export interface ImprovementActionVerifiedV1 {
  reviewId: string;
  actionId: string;
  verifiedBy: string;
  verifiedAt: string;
}
export interface ImprovementActionSentBackV1 {
  reviewId: string;
  actionId: string;
  reason: string;
  sentBackAt: string;
}
export interface TypicalCaseReviewConcludedV1 {
  reviewId: string;
  conclusion: string;
  concludedAt: string;
}

export type TypicalCaseReviewEvent =
  | { type: 'TypicalCaseMarked'; data: TypicalCaseMarkedV1 }
  | { type: 'RootCauseRecorded'; data: RootCauseRecordedV1 }
  | { type: 'ImprovementActionAdded'; data: ImprovementActionAddedV1 }
  | { type: 'ImprovementActionCompleted'; data: ImprovementActionCompletedV1 }
  | { type: 'ImprovementActionVerified'; data: ImprovementActionVerifiedV1 }
  | { type: 'ImprovementActionSentBack'; data: ImprovementActionSentBackV1 }
  | { type: 'TypicalCaseReviewConcluded'; data: TypicalCaseReviewConcludedV1 };

export const TYPICAL_CASE_REVIEW_STREAM_TYPE = 'TypicalCaseReview';

const uuid = { type: 'string', format: 'uuid' } as const;
const timestamp = { type: 'string', format: 'date-time' } as const;
const reason = { type: 'string', minLength: 1, maxLength: STAFF_REASON_MAX_LENGTH } as const;
const reviewText = { type: 'string', minLength: 1, maxLength: REVIEW_TEXT_MAX_LENGTH } as const;
const rootCauseCategory = { enum: ROOT_CAUSE_CATEGORIES } as const;
/** Staff are referred to by their opaque user id (the token's `sub`), as actors are. */
const staffId = { type: 'string', minLength: 1, maxLength: 128 } as const;

function schema(title: string, description: string, properties: Record<string, object>) {
  return {
    title,
    description,
    type: 'object',
    additionalProperties: false,
    required: ['reviewId', ...Object.keys(properties)],
    properties: { reviewId: uuid, ...properties },
  } as const;
}

export const typicalCaseReviewEventSchemas = {
  TypicalCaseMarked: {
    1: schema('TypicalCaseMarked', 'A reviewer marked a complaint as a typical case: its review is open.', {
      complaintId: uuid,
      project: { type: 'string', pattern: ORG_CODE_PATTERN },
      region: { type: 'string', pattern: ORG_CODE_PATTERN },
      category: { enum: COMPLAINT_CATEGORIES },
      severity: { enum: COMPLAINT_SEVERITIES },
      reason,
      markedBy: staffId,
      markedAt: timestamp,
    }),
  },
  RootCauseRecorded: {
    1: schema('RootCauseRecorded', 'The root cause and the business problem found; revised while the review is open.', {
      rootCauseCategory,
      businessProblem: reviewText,
      previousRootCauseCategory: { anyOf: [rootCauseCategory, { type: 'null' }] },
      recordedAt: timestamp,
    }),
  },
  ImprovementActionAdded: {
    1: schema('ImprovementActionAdded', 'An improvement action with an owner and a due date.', {
      actionId: uuid,
      description: reviewText,
      ownerId: staffId,
      dueDate: { type: 'string', format: 'date' },
      addedAt: timestamp,
    }),
  },
  ImprovementActionCompleted: {
    1: schema('ImprovementActionCompleted', 'The owner (or a reviewer for them) reported the action done.', {
      actionId: uuid,
      completedBy: staffId,
      note: reviewText,
      completedAt: timestamp,
    }),
  },
  ImprovementActionVerified: {
    1: schema('ImprovementActionVerified', 'A reviewer verified that the completed action works.', {
      actionId: uuid,
      verifiedBy: staffId,
      verifiedAt: timestamp,
    }),
  },
  ImprovementActionSentBack: {
    1: schema('ImprovementActionSentBack', 'A reviewer sent the completed action back; it is open again.', {
      actionId: uuid,
      reason,
      sentBackAt: timestamp,
    }),
  },
  TypicalCaseReviewConcluded: {
    1: schema('TypicalCaseReviewConcluded', 'The review closed with its lessons, every action verified.', {
      conclusion: reviewText,
      concludedAt: timestamp,
    }),
  },
} as const;
