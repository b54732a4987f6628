import { DomainError, type ImprovementAction, type ImprovementActionStatus } from '@cx/domain';
import type { TypicalCaseReviewStatus } from './typical-case-review.state';

export class TypicalCaseReviewNotFound extends DomainError {
  readonly code = 'TYPICAL_CASE_REVIEW.NOT_FOUND';
  readonly kind = 'not_found';

  constructor(reviewId: string) {
    super(`Typical-case review ${reviewId} does not exist.`, { reviewId });
  }
}

/** The command does not apply in the review's current state (409 naming it). */
export class TypicalCaseReviewTransitionNotAllowed extends DomainError {
  readonly code = 'TYPICAL_CASE_REVIEW.TRANSITION_NOT_ALLOWED';
  readonly kind = 'invalid_state';

  constructor(
    reviewId: string,
    command: string,
    currentState: TypicalCaseReviewStatus,
    allowedStates: readonly string[],
  ) {
    super(
      `${command} is not allowed while typical-case review ${reviewId} is ${currentState}; it needs one of: ${allowedStates.join(', ')}.`,
      { reviewId, command, currentState, allowedStates },
    );
  }
}

/** One review per complaint (409 naming the review that exists). */
export class ComplaintAlreadyUnderReview extends DomainError {
  readonly code = 'TYPICAL_CASE_REVIEW.COMPLAINT_ALREADY_UNDER_REVIEW';
  readonly kind = 'invalid_state';

  constructor(complaintId: string, existingReviewId: string) {
    super(`Complaint ${complaintId} already has typical-case review ${existingReviewId}.`, {
      complaintId,
      existingReviewId,
    });
  }
}

/** A business rule about the request itself (422 naming the field and the rule). */
export class TypicalCaseReviewRuleViolated extends DomainError {
  readonly code = 'TYPICAL_CASE_REVIEW.RULE_VIOLATED';
  readonly kind = 'rule_violation';

  constructor(subject: { reviewId: string } | { complaintId: string }, field: string, rule: string) {
    super(`${field}: ${rule}`, { ...subject, field, rule });
  }
}

/** Concluding needs a root cause and at least one action, every one verified (409 naming the rule and the rest). */
export class TypicalCaseReviewNotReadyToConclude extends DomainError {
  readonly code = 'TYPICAL_CASE_REVIEW.NOT_READY_TO_CONCLUDE';
  readonly kind = 'invalid_state';

  constructor(reviewId: string, rule: string, unverifiedActions: Pick<ImprovementAction, 'actionId' | 'status'>[]) {
    super(`Typical-case review ${reviewId} cannot be concluded yet: ${rule}.`, {
      reviewId,
      currentState: 'open',
      rule,
      unverifiedActions,
    });
  }
}

export class ImprovementActionNotFound extends DomainError {
  readonly code = 'TYPICAL_CASE_REVIEW.ACTION_NOT_FOUND';
  readonly kind = 'not_found';

  constructor(reviewId: string, actionId: string) {
    super(`Typical-case review ${reviewId} has no improvement action ${actionId}.`, { reviewId, actionId });
  }
}

/** The action is not in the step the command needs (409 naming its current one). */
export class ImprovementActionConflict extends DomainError {
  readonly code = 'TYPICAL_CASE_REVIEW.ACTION_CONFLICT';
  readonly kind = 'invalid_state';

  constructor(reviewId: string, actionId: string, currentState: ImprovementActionStatus, needed: string) {
    super(`Improvement action ${actionId} is ${currentState}; this needs it ${needed}.`, {
      reviewId,
      actionId,
      currentState,
    });
  }
}

export class NotTheActionOwner extends DomainError {
  readonly code = 'TYPICAL_CASE_REVIEW.NOT_THE_ACTION_OWNER';
  readonly kind = 'forbidden';

  constructor(reviewId: string, actionId: string) {
    super(`Only the owner or a reviewer completes improvement action ${actionId}.`, { reviewId, actionId });
  }
}
