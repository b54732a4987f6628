import type { Decider } from '@cx/domain';
import type { AccessGrantCommand, ApproveAccess, RequestAccess } from './access-grant.commands';
import {
  AccessGrantNotFound,
  AccessGrantRuleViolated,
  AccessGrantTransitionNotAllowed,
  SelfApprovalRefused,
} from './access-grant.errors';
import type { AccessGrantEvent } from './access-grant.events';
import { AccessGrantState, GrantOnRecord, RequestedGrant, statusAt } from './access-grant.state';

/** Access is granted for a while, then asked for again: at most this many days ahead. */
export const MAX_GRANT_DAYS = 90;
const DAY = 86_400_000;

const at = (command: { now: Date }) => command.now.toISOString();

export type AccessGrantDecider = Decider<AccessGrantCommand, AccessGrantEvent, AccessGrantState>;

export const accessGrantDecider: AccessGrantDecider = {
  initialState: () => ({ status: 'not_requested' }),
  decide,
  evolve,
};

function decide(command: AccessGrantCommand, state: AccessGrantState): AccessGrantEvent[] {
  const grantId = command.grantId;
  if (command.type === 'RequestAccess') {
    if (state.status !== 'not_requested') {
      throw new AccessGrantTransitionNotAllowed(grantId, command.type, state.status, ['not_requested']);
    }
    requireAcceptableTerms(command);
    const { grantee, scope, purpose, requestedBy } = command;
    return [
      {
        type: 'AccessRequested',
        data: {
          grantId,
          grantee,
          scope,
          purpose,
          expiresAt: command.expiresAt.toISOString(),
          requestedBy,
          requestedAt: at(command),
        },
      },
    ];
  }
  if (state.status === 'not_requested') throw new AccessGrantNotFound(grantId);
  const current = statusAt(state, command.now);
  const requireStatus = (allowed: GrantOnRecord['status']) => {
    if (current !== allowed) throw new AccessGrantTransitionNotAllowed(grantId, command.type, current, [allowed]);
  };
  switch (command.type) {
    case 'ApproveAccess':
      requireStatus('requested');
      requireIndependentApprover(state, command);
      return [
        { type: 'AccessGrantApproved', data: { grantId, approvedBy: command.approvedBy, approvedAt: at(command) } },
      ];
    case 'RejectAccess': {
      requireStatus('requested');
      const { rejectedBy, reason } = command;
      return [{ type: 'AccessRequestRejected', data: { grantId, rejectedBy, reason, rejectedAt: at(command) } }];
    }
    case 'RevokeAccess': {
      requireStatus('approved');
      const { revokedBy, reason } = command;
      return [{ type: 'AccessGrantRevoked', data: { grantId, revokedBy, reason, revokedAt: at(command) } }];
    }
    case 'ExpireAccess':
      if (current !== 'expired' || state.status === 'expired') return [];
      return [{ type: 'AccessGrantExpired', data: { grantId, expiresAt: state.expiresAt, expiredAt: at(command) } }];
    default:
      return exhaustive(command);
  }
}

/** Bounded, purposeful terms: a grant that is already over, or open-ended in all but name, is refused. */
function requireAcceptableTerms(command: RequestAccess): void {
  const { grantId, scope, expiresAt, now, scopeSubjectStatus } = command;
  if (expiresAt.getTime() <= now.getTime()) {
    throw new AccessGrantRuleViolated(grantId, 'expiresAt', 'must be in the future');
  }
  if (expiresAt.getTime() > now.getTime() + MAX_GRANT_DAYS * DAY) {
    throw new AccessGrantRuleViolated(grantId, 'expiresAt', `must be at most ${MAX_GRANT_DAYS} days ahead`);
  }
  if (scope.level === 'public') {
    throw new AccessGrantRuleViolated(grantId, 'scope.level', 'public information needs no grant');
  }
  if (scope.subjectId === null) return;
  if (scope.category !== 'customer_personal_information') {
    throw new AccessGrantRuleViolated(grantId, 'scope.subjectId', 'only customer_personal_information names a subject');
  }
  if (scopeSubjectStatus !== 'registered') {
    throw new AccessGrantRuleViolated(grantId, 'scope.subjectId', `the subject is ${scopeSubjectStatus}`);
  }
}

function requireIndependentApprover(grant: RequestedGrant, command: ApproveAccess): void {
  const { grantId, approvedBy, approverRoles } = command;
  if (approvedBy === grant.requestedBy) {
    throw new SelfApprovalRefused(grantId, 'the requester cannot approve their own request');
  }
  if (grant.grantee.type === 'user' && grant.grantee.id === approvedBy) {
    throw new SelfApprovalRefused(grantId, 'the grantee cannot approve access they would hold');
  }
  if (grant.grantee.type === 'role' && approverRoles.includes(grant.grantee.id)) {
    throw new SelfApprovalRefused(grantId, `a holder of the role ${grant.grantee.id} cannot approve access for it`);
  }
}

function evolve(state: AccessGrantState, event: AccessGrantEvent): AccessGrantState {
  if (event.type === 'AccessRequested') return { status: 'requested', ...event.data };
  switch (event.type) {
    case 'AccessGrantApproved': {
      if (state.status !== 'requested') return state;
      const { approvedBy, approvedAt } = event.data;
      return { ...state, status: 'approved', approvedBy, approvedAt };
    }
    case 'AccessRequestRejected': {
      if (state.status !== 'requested') return state;
      const { rejectedBy, rejectedAt, reason } = event.data;
      return { ...state, status: 'rejected', rejectedBy, rejectedAt, reason };
    }
    case 'AccessGrantRevoked': {
      if (state.status !== 'approved') return state;
      const { revokedBy, revokedAt, reason } = event.data;
      return { ...state, status: 'revoked', revokedBy, revokedAt, reason };
    }
    case 'AccessGrantExpired': {
      if (state.status === 'requested') {
        return { ...state, status: 'expired', expiredAt: event.data.expiredAt, approvedBy: null, approvedAt: null };
      }
      if (state.status === 'approved') return { ...state, status: 'expired', expiredAt: event.data.expiredAt };
      return state;
    }
    default:
      return exhaustive(event);
  }
}

function exhaustive(value: never): never {
  throw new Error(`Unhandled: ${JSON.stringify(value)}`);
}
