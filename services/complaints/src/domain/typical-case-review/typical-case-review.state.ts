import type { RootCauseCategory } from '@cx/contracts';
import type { ImprovementAction } from '@cx/domain';
import type { TypicalCaseMarkedV1 } from './typical-case-review.events';

export interface RootCause {
  category: RootCauseCategory;
  businessProblem: string;
  recordedAt: string;
}

/** What every marked review has, whatever its status. */
export interface Marked {
  reviewId: string;
  details: TypicalCaseMarkedV1;
  rootCause: RootCause | null;
  actions: ImprovementAction[];
}

/** not_marked → open (marked) → concluded. A concluded review always has its root cause: the compiler checks it. */
export type TypicalCaseReviewState =
  | { status: 'not_marked' }
  | ({ status: 'open' } & Marked)
  | ({ status: 'concluded'; rootCause: RootCause; conclusion: string; concludedAt: string } & Marked);

export type TypicalCaseReviewStatus = TypicalCaseReviewState['status'];
export type MarkedReview = Exclude<TypicalCaseReviewState, { status: 'not_marked' }>;
