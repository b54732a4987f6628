import { DomainError } from '@cx/domain';
import type { CareServiceStatus } from './care-service.state';

export class CareServiceNotFound extends DomainError {
  readonly code = 'CARE_SERVICE.NOT_FOUND';
  readonly kind = 'not_found';

  constructor(careServiceId: string) {
    super(`Care service ${careServiceId} does not exist.`, { careServiceId });
  }
}

/** The command does not apply in the service's current state (409 naming it). */
export class CareServiceTransitionNotAllowed extends DomainError {
  readonly code = 'CARE_SERVICE.TRANSITION_NOT_ALLOWED';
  readonly kind = 'invalid_state';

  constructor(
    careServiceId: string,
    command: string,
    currentState: CareServiceStatus,
    allowedStates: readonly string[],
  ) {
    super(
      `${command} is not allowed while care service ${careServiceId} is ${currentState}; it needs one of: ${allowedStates.join(', ')}.`,
      { careServiceId, command, currentState, allowedStates },
    );
  }
}

/** A business rule about the request itself (422 naming the field and the rule). */
export class CareServiceRuleViolated extends DomainError {
  readonly code = 'CARE_SERVICE.RULE_VIOLATED';
  readonly kind = 'rule_violation';

  constructor(careServiceId: string, field: string, rule: string) {
    super(`${field}: ${rule}`, { careServiceId, field, rule });
  }
}

export class CareVisitNotFound extends DomainError {
  readonly code = 'CARE_SERVICE.VISIT_NOT_FOUND';
  readonly kind = 'not_found';

  constructor(careServiceId: string, visitNumber: number) {
    super(`Care service ${careServiceId} has no visit ${visitNumber}.`, { careServiceId, visitNumber });
  }
}

/** The visit is not in the step the command needs, e.g. completed twice or rated before it took place (409). */
export class CareVisitConflict extends DomainError {
  readonly code = 'CARE_SERVICE.VISIT_CONFLICT';
  readonly kind = 'invalid_state';

  constructor(
    careServiceId: string,
    visitNumber: number,
    currentState: 'scheduled' | 'completed' | 'rated',
    needed: string,
  ) {
    super(`Visit ${visitNumber} is ${currentState}; this needs it ${needed}.`, {
      careServiceId,
      visitNumber,
      currentState,
    });
  }
}
