import { DomainError } from '@cx/domain';
import type { PersonalDataField } from '@cx/contracts';
import type { LegalHold, SubjectStatus } from './subject.state';

export class SubjectNotFound extends DomainError {
  readonly code = 'SUBJECT.NOT_FOUND';
  readonly kind = 'not_found';

  constructor(subjectId: string) {
    super(`Subject ${subjectId} does not exist.`, { subjectId });
  }
}

/** The subject existed and was erased (410): callers redact what they hold, as for SubjectErased. */
export class SubjectWasErased extends DomainError {
  readonly code = 'SUBJECT.ERASED';
  readonly kind = 'gone';

  constructor(subjectId: string, erasedAt: string) {
    super(`Subject ${subjectId} was erased; its personal data no longer exists.`, { subjectId, erasedAt });
  }
}

/** The command does not apply in the subject's current state (409 naming it). */
export class SubjectTransitionNotAllowed extends DomainError {
  readonly code = 'SUBJECT.TRANSITION_NOT_ALLOWED';
  readonly kind = 'invalid_state';

  constructor(subjectId: string, command: string, currentState: SubjectStatus, allowedStates: readonly string[]) {
    super(
      `${command} is not allowed while subject ${subjectId} is ${currentState}; it needs one of: ${allowedStates.join(', ')}.`,
      { subjectId, command, currentState, allowedStates },
    );
  }
}

/** One subject per person: the phone or ID number is already in the vault (409 naming that subject only). */
export class SubjectAlreadyRegistered extends DomainError {
  readonly code = 'SUBJECT.ALREADY_REGISTERED';
  readonly kind = 'invalid_state';

  constructor(existingSubjectId: string, matchedOn: PersonalDataField) {
    super(`This ${matchedOn} already belongs to subject ${existingSubjectId}.`, { existingSubjectId, matchedOn });
  }
}

/** A business rule about the request itself (422 naming the field and the rule, never its value). */
export class SubjectRuleViolated extends DomainError {
  readonly code = 'SUBJECT.RULE_VIOLATED';
  readonly kind = 'rule_violation';

  constructor(subjectId: string, field: string, rule: string) {
    super(`${field}: ${rule}`, { subjectId, field, rule });
  }
}

/** Erasure waits until every legal hold is released (409 naming the holds). */
export class LegalHoldApplies extends DomainError {
  readonly code = 'SUBJECT.LEGAL_HOLD_APPLIES';
  readonly kind = 'invalid_state';

  constructor(subjectId: string, legalHolds: LegalHold[]) {
    const references = legalHolds.map((h) => `${h.reason} ${h.reference}`).join('; ');
    super(`Subject ${subjectId} cannot be erased while a legal hold applies: ${references}.`, {
      subjectId,
      legalHolds: legalHolds.map(({ holdId, reason, reference, placedAt }) => ({
        holdId,
        reason,
        reference,
        placedAt,
      })),
    });
  }
}

export class LegalHoldNotFound extends DomainError {
  readonly code = 'SUBJECT.LEGAL_HOLD_NOT_FOUND';
  readonly kind = 'not_found';

  constructor(subjectId: string, holdId: string) {
    super(`Subject ${subjectId} has no legal hold ${holdId} in force.`, { subjectId, holdId });
  }
}
