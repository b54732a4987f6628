import { DomainError } from '@cx/domain';
import type { RowRejection } from '../row-rejection';

/** A response breaks a rule of its wave or questionnaire (422 naming the field and the reason code). */
export class SurveyResponseRefused extends DomainError {
  readonly code = 'SURVEY_RESPONSE.REFUSED';
  readonly kind = 'rule_violation';

  constructor(waveId: string, rejection: RowRejection) {
    super(rejection.detail, {
      waveId,
      subjectId: rejection.subjectId,
      field: rejection.field,
      reason: rejection.reason,
    });
  }
}

/** The customer's case is closed: a complete response, a refusal or found ineligible (409 naming it). */
export class SurveyCaseClosed extends DomainError {
  readonly code = 'SURVEY_RESPONSE.CASE_CLOSED';
  readonly kind = 'invalid_state';

  constructor(waveId: string, rejection: RowRejection, currentDisposition: string) {
    super(rejection.detail, {
      waveId,
      subjectId: rejection.subjectId,
      reason: rejection.reason,
      currentDisposition,
    });
  }
}

/** Another request recorded an outcome for one of the same customers first; the handler decides again. */
export class SurveyCasesChanged extends DomainError {
  readonly code = 'SURVEY_RESPONSE.CASES_CHANGED';
  readonly kind = 'concurrency_conflict';

  constructor(waveId: string) {
    super(`Outcomes for the same customers of wave ${waveId} were recorded concurrently; try again.`, { waveId });
  }
}

/** A submission is recorded once; another command on it is refused naming its state (409). */
export class SurveyResponseSubmissionAlreadyRecorded extends DomainError {
  readonly code = 'SURVEY_RESPONSE.SUBMISSION_ALREADY_RECORDED';
  readonly kind = 'invalid_state';

  constructor(submissionId: string) {
    super(`Survey response submission ${submissionId} is already recorded.`, {
      submissionId,
      currentState: 'submitted',
    });
  }
}

export class SurveyLinkNotFound extends DomainError {
  readonly code = 'SURVEY_LINK.NOT_FOUND';
  readonly kind = 'not_found';

  constructor() {
    super('No survey link has this token.');
  }
}

/** A link answers once (409); a second answer through it changes nothing. */
export class SurveyLinkAlreadyUsed extends DomainError {
  readonly code = 'SURVEY_LINK.ALREADY_USED';
  readonly kind = 'invalid_state';

  constructor(linkId: string, usedAt: string | null) {
    super('This survey link has been answered already; it answers once.', { linkId, usedAt });
  }
}

/** Past its expiry the link is gone for good (410), whether it was used or not. */
export class SurveyLinkExpired extends DomainError {
  readonly code = 'SURVEY_LINK.EXPIRED';
  readonly kind = 'gone';

  constructor(linkId: string, expiresAt: string) {
    super(`This survey link expired at ${expiresAt}.`, { linkId, expiresAt });
  }
}
