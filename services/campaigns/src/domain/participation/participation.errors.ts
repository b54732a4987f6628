import { DomainError } from '@cx/domain';
import type { RowRejection } from '../row-rejection';

/** An activity breaks a participation rule (422 naming the field and the reason code). */
export class ParticipationActivityRefused extends DomainError {
  readonly code = 'PARTICIPATION.ACTIVITY_REFUSED';
  readonly kind = 'rule_violation';

  constructor(campaignId: string, rejection: RowRejection) {
    super(rejection.detail, {
      campaignId,
      personId: rejection.personId,
      field: rejection.field,
      reason: rejection.reason,
    });
  }
}

/** A submission is recorded once; another command on it is refused naming its state (409). */
export class ParticipationSubmissionAlreadyRecorded extends DomainError {
  readonly code = 'PARTICIPATION.SUBMISSION_ALREADY_RECORDED';
  readonly kind = 'invalid_state';

  constructor(submissionId: string) {
    super(`Participation submission ${submissionId} is already recorded.`, {
      submissionId,
      currentState: 'submitted',
    });
  }
}
