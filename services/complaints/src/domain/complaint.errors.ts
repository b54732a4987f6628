import { DomainError } from '@cx/domain';
import type { EscalationLevel } from '@cx/contracts';
import type { ComplaintStatus } from './complaint.state';

export class ComplaintNotFound extends DomainError {
  readonly code = 'COMPLAINT.NOT_FOUND';
  readonly kind = 'not_found';

  constructor(complaintId: string) {
    super(`Complaint ${complaintId} does not exist.`, { complaintId });
  }
}

/** The command does not apply in the complaint's current state (409 naming it). */
export class ComplaintTransitionNotAllowed extends DomainError {
  readonly code = 'COMPLAINT.TRANSITION_NOT_ALLOWED';
  readonly kind = 'invalid_state';

  constructor(complaintId: string, command: string, currentState: ComplaintStatus, allowedStates: readonly string[]) {
    super(
      `${command} is not allowed while complaint ${complaintId} is ${currentState}; it needs one of: ${allowedStates.join(', ')}.`,
      { complaintId, command, currentState, allowedStates },
    );
  }
}

export class ComplaintNotAssigned extends DomainError {
  readonly code = 'COMPLAINT.NOT_ASSIGNED';
  readonly kind = 'invalid_state';

  constructor(complaintId: string, currentState: ComplaintStatus) {
    super(`Complaint ${complaintId} has no handler: assign it before resolving it.`, { complaintId, currentState });
  }
}

export class ComplaintAtTopOfLadder extends DomainError {
  readonly code = 'COMPLAINT.AT_TOP_OF_LADDER';
  readonly kind = 'invalid_state';

  constructor(complaintId: string, currentState: ComplaintStatus, currentLevel: EscalationLevel) {
    super(`Complaint ${complaintId} is already at ${currentLevel}, the top of the escalation ladder.`, {
      complaintId,
      currentState,
      currentLevel,
    });
  }
}

export class ComplaintAtBottomOfLadder extends DomainError {
  readonly code = 'COMPLAINT.AT_BOTTOM_OF_LADDER';
  readonly kind = 'invalid_state';

  constructor(complaintId: string, currentState: ComplaintStatus, currentLevel: EscalationLevel) {
    super(`Complaint ${complaintId} is at ${currentLevel}, the bottom of the ladder; it cannot be de-escalated.`, {
      complaintId,
      currentState,
      currentLevel,
    });
  }
}

/** A business rule about the request itself (422 naming the field and the rule). */
export class ComplaintRuleViolated extends DomainError {
  readonly code = 'COMPLAINT.RULE_VIOLATED';
  readonly kind = 'rule_violation';

  constructor(complaintId: string, field: string, rule: string) {
    super(`${field}: ${rule}`, { complaintId, field, rule });
  }
}

export class ComplaintClockConflict extends DomainError {
  readonly code = 'COMPLAINT.CLOCK_CONFLICT';
  readonly kind = 'invalid_state';

  constructor(complaintId: string, currentState: ComplaintStatus, clock: 'paused' | 'running') {
    super(`The SLA clocks of complaint ${complaintId} are already ${clock}.`, { complaintId, currentState, clock });
  }
}

export class ComplaintNotAtCeoOffice extends DomainError {
  readonly code = 'COMPLAINT.NOT_AT_CEO_OFFICE';
  readonly kind = 'invalid_state';

  constructor(complaintId: string, currentState: ComplaintStatus, currentLevel: EscalationLevel) {
    super(`Complaint ${complaintId} is at ${currentLevel}; only complaints at the CEO office take its instructions.`, {
      complaintId,
      currentState,
      currentLevel,
    });
  }
}

export class CeoInstructionNotFound extends DomainError {
  readonly code = 'COMPLAINT.CEO_INSTRUCTION_NOT_FOUND';
  readonly kind = 'not_found';

  constructor(complaintId: string, instructionId: string) {
    super(`Complaint ${complaintId} has no CEO instruction ${instructionId}.`, { complaintId, instructionId });
  }
}

/** The instruction is not in the step the command needs (409 naming its current one). */
export class CeoInstructionConflict extends DomainError {
  readonly code = 'COMPLAINT.CEO_INSTRUCTION_CONFLICT';
  readonly kind = 'invalid_state';

  constructor(complaintId: string, instructionId: string, currentState: string, needed: string) {
    super(`CEO instruction ${instructionId} is ${currentState}; this needs it ${needed}.`, {
      complaintId,
      instructionId,
      currentState,
    });
  }
}

export class NotTheAccountableOwner extends DomainError {
  readonly code = 'COMPLAINT.NOT_THE_ACCOUNTABLE_OWNER';
  readonly kind = 'forbidden';

  constructor(complaintId: string, instructionId: string) {
    super(`Only the accountable owner reports back on CEO instruction ${instructionId}.`, {
      complaintId,
      instructionId,
    });
  }
}

/** Filing where the caller's token does not reach (403 naming the scope): the caller's own input, nothing to hide. */
export class ComplaintOutsideCallerScope extends DomainError {
  readonly code = 'COMPLAINT.OUTSIDE_CALLER_SCOPE';
  readonly kind = 'forbidden';

  constructor(region: string, project: string, scope: string) {
    super(`Region ${region} / project ${project} is outside your scope (${scope}).`, { region, project, scope });
  }
}
