import type { ComplaintCategory, ComplaintSeverity, RootCauseCategory } from '@cx/contracts';

/** Every command names its review and arrives with `now`: the decider has no clock of its own. */
interface OnReview {
  reviewId: string;
  now: Date;
}

/** What a review copies from its complaint when it is marked. */
export interface ComplaintUnderReview {
  project: string;
  region: string;
  category: ComplaintCategory;
  severity: ComplaintSeverity;
}

export interface MarkTypicalCase extends OnReview {
  type: 'MarkTypicalCase';
  complaintId: string;
  /** The complaint as it stands, read by the handler; null when there is no such complaint. */
  complaint: ComplaintUnderReview | null;
  reason: string;
  markedBy: string;
}

export interface RecordRootCause extends OnReview {
  type: 'RecordRootCause';
  rootCauseCategory: RootCauseCategory;
  businessProblem: string;
}

export interface AddImprovementAction extends OnReview {
  type: 'AddImprovementAction';
  actionId: string;
  description: string;
  ownerId: string;
  /** YYYY-MM-DD in the group's time zone. */
  dueDate: string;
}

export interface CompleteImprovementAction extends OnReview {
  type: 'CompleteImprovementAction';
  actionId: string;
  completedBy: string;
  /** Reviewers may record the completion for the owner; anyone else must be the owner. */
  byReviewer: boolean;
  note: string;
}

export interface VerifyImprovementAction extends OnReview {
  type: 'VerifyImprovementAction';
  actionId: string;
  verifiedBy: string;
}

export interface SendBackImprovementAction extends OnReview {
  type: 'SendBackImprovementAction';
  actionId: string;
  reason: string;
}

export interface ConcludeTypicalCaseReview extends OnReview {
  type: 'ConcludeTypicalCaseReview';
  conclusion: string;
}

export type TypicalCaseReviewCommand =
  | MarkTypicalCase
  | RecordRootCause
  | AddImprovementAction
  | CompleteImprovementAction
  | VerifyImprovementAction
  | SendBackImprovementAction
  | ConcludeTypicalCaseReview;
