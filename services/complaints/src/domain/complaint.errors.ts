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

export class ComplaintAlreadyFiled extends DomainError {
  readonly code = 'COMPLAINT.ALREADY_FILED';
  readonly kind = 'invalid_state';

  constructor(complaintId: string, currentState: ComplaintStatus) {
    super(`Complaint ${complaintId} was already filed.`, { complaintId, currentState });
  }
}

export class ComplaintAlreadyResolved extends DomainError {
  readonly code = 'COMPLAINT.ALREADY_RESOLVED';
  readonly kind = 'invalid_state';

  constructor(complaintId: string) {
    super(`Complaint ${complaintId} is resolved; it can no longer be escalated or resolved.`, {
      complaintId,
      currentState: 'resolved',
    });
  }
}

export class ComplaintAtTopOfLadder extends DomainError {
  readonly code = 'COMPLAINT.AT_TOP_OF_LADDER';
  readonly kind = 'invalid_state';

  constructor(complaintId: string, currentLevel: EscalationLevel) {
    super(`Complaint ${complaintId} is already at ${currentLevel}, the top of the escalation ladder.`, {
      complaintId,
      currentState: 'open',
      currentLevel,
    });
  }
}
