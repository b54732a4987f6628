import type { RootCauseCategory } from '@cx/contracts';
import type { TypicalCaseMarkedV1 } from './typical-case-review.events';

export interface RootCause {
  category: RootCauseCategory;
  businessProblem: string;
  recordedAt: string;
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
