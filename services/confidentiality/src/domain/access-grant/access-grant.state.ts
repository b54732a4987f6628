import type { AccessPurpose } from '@cx/contracts';
import type { Grantee, GrantScope } from './access-grant.events';

/** What was asked for: who, what, why and until when. */
export interface GrantTerms {
  grantId: string;
  grantee: Grantee;
  scope: GrantScope;
  purpose: AccessPurpose;
  expiresAt: string;
  requestedBy: string;
  requestedAt: string;
}

export interface Approval {
  approvedBy: string;
  approvedAt: string;
}

/**
 * requested → approved → revoked | expired;  requested → rejected | expired. Only an approved grant whose expiry
 * has not passed gives access; a request or grant past its expiry counts as expired before the job records it.
 */
export type AccessGrantState =
  | { status: 'not_requested' }
  | ({ status: 'requested' } & GrantTerms)
  | ({ status: 'approved' } & GrantTerms & Approval)
  | ({ status: 'rejected'; rejectedBy: string; rejectedAt: string; reason: string } & GrantTerms)
  | ({ status: 'revoked'; revokedBy: string; revokedAt: string; reason: string } & GrantTerms & Approval)
  | ({ status: 'expired'; expiredAt: string; approvedBy: string | null; approvedAt: string | null } & GrantTerms);

export type AccessGrantStatus = AccessGrantState['status'];
export type RequestedGrant = Exclude<AccessGrantState, { status: 'not_requested' }>;

/** A grant as an access decision sees it: its terms and the status recorded for it. */
export interface GrantOnRecord extends Pick<GrantTerms, 'grantId' | 'grantee' | 'scope' | 'purpose' | 'expiresAt'> {
  status: RequestedGrant['status'];
}

/** Where the grant stands at `now`: an expiry that has passed counts, recorded or not. */
export function statusAt(grant: GrantOnRecord, now: Date): GrantOnRecord['status'] {
  const lapsed = now.getTime() >= new Date(grant.expiresAt).getTime();
  return (grant.status === 'requested' || grant.status === 'approved') && lapsed ? 'expired' : grant.status;
}
