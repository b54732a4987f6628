import type { AccessPurpose } from '@cx/contracts';
import type { SubjectStatus } from '../subject.state';
import type { Grantee, GrantScope } from './access-grant.events';

/** Every command names its grant and arrives with `now`: the decider has no clock of its own. */
interface OnGrant {
  grantId: string;
  now: Date;
}

export interface RequestAccess extends OnGrant {
  type: 'RequestAccess';
  grantee: Grantee;
  scope: GrantScope;
  purpose: AccessPurpose;
  expiresAt: Date;
  requestedBy: string;
  /** The status of the subject the scope names, as the handler read it; null for a scope without one. */
  scopeSubjectStatus: SubjectStatus | null;
}

export interface ApproveAccess extends OnGrant {
  type: 'ApproveAccess';
  approvedBy: string;
  /** The approver's roles: a holder of a granted role cannot approve it. */
  approverRoles: readonly string[];
}

export interface RejectAccess extends OnGrant {
  type: 'RejectAccess';
  rejectedBy: string;
  reason: string;
}

export interface RevokeAccess extends OnGrant {
  type: 'RevokeAccess';
  revokedBy: string;
  reason: string;
}

/** Sent by the expiry job once `now` has reached the grant's expiry. */
export interface ExpireAccess extends OnGrant {
  type: 'ExpireAccess';
}

export type AccessGrantCommand = RequestAccess | ApproveAccess | RejectAccess | RevokeAccess | ExpireAccess;
