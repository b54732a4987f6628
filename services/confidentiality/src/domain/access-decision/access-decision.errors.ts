import type { AccessDenialReason } from '@cx/contracts';
import { DomainError } from '@cx/domain';

const EXPLANATION: Record<AccessDenialReason, string> = {
  no_grant: 'you hold no grant to customer personal information for this subject',
  grant_pending: 'the grant that would cover this read is not approved yet',
  grant_expired: 'the grant that would cover this read has expired',
  grant_revoked: 'the grant that would cover this read was revoked',
  purpose_not_granted: 'your grant is for another purpose',
  level_not_granted: 'your grant does not reach the level of the categories asked for',
};

/** An unmasked read was refused (403 naming the reason); the refusal is on the record as AccessDenied. */
export class AccessDenied extends DomainError {
  readonly code = 'ACCESS.DENIED';
  readonly kind = 'forbidden';

  constructor(subjectId: string, reason: AccessDenialReason, grantId: string | null, denialId: string) {
    super(`Access to the personal data of ${subjectId} is denied: ${EXPLANATION[reason]}.`, {
      subjectId,
      reason,
      grantId,
      denialId,
    });
  }
}
