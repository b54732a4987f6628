import { DomainError } from '@cx/domain';
import type { AccessGrantStatus } from './access-grant.state';

export class AccessGrantNotFound extends DomainError {
  readonly code = 'ACCESS_GRANT.NOT_FOUND';
  readonly kind = 'not_found';

  constructor(grantId: string) {
    super(`Access grant ${grantId} does not exist.`, { grantId });
  }
}

/** The command does not apply in the grant's current state (409 naming it; a passed expiry counts as expired). */
export class AccessGrantTransitionNotAllowed extends DomainError {
  readonly code = 'ACCESS_GRANT.TRANSITION_NOT_ALLOWED';
  readonly kind = 'invalid_state';

  constructor(grantId: string, command: string, currentState: AccessGrantStatus, allowedStates: readonly string[]) {
    super(
      `${command} is not allowed while access grant ${grantId} is ${currentState}; it needs one of: ${allowedStates.join(', ')}.`,
      { grantId, command, currentState, allowedStates },
    );
  }
}

/** A business rule about the request itself (422 naming the field and the rule). */
export class AccessGrantRuleViolated extends DomainError {
  readonly code = 'ACCESS_GRANT.RULE_VIOLATED';
  readonly kind = 'rule_violation';

  constructor(grantId: string, field: string, rule: string) {
    super(`${field}: ${rule}`, { grantId, field, rule });
  }
}

/** Segregation of duties (ISO/IEC 27001:2022 5.3): nobody approves access they asked for or would hold (403). */
export class SelfApprovalRefused extends DomainError {
  readonly code = 'ACCESS_GRANT.SELF_APPROVAL';
  readonly kind = 'forbidden';

  constructor(grantId: string, rule: string) {
    super(`Access grant ${grantId} needs an independent approver: ${rule}.`, { grantId, rule });
  }
}
