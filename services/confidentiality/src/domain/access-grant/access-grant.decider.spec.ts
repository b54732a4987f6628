import { EventValidator } from '@cx/contracts';
import { spec } from '@cx/testing';
import type { AccessGrantCommand, RequestAccess } from './access-grant.commands';
import { accessGrantDecider } from './access-grant.decider';
import {
  AccessGrantNotFound,
  AccessGrantRuleViolated,
  AccessGrantTransitionNotAllowed,
  SelfApprovalRefused,
} from './access-grant.errors';
import type { AccessGrantEvent } from './access-grant.events';

const grantId = '4c1d2e3f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const subjectId = 'subj_4kT9wQ2mZp7LxR3vB8nC5dYh';
const now = new Date('2026-11-25T09:00:00.000Z');
const t = now.toISOString();
const in30Days = '2026-12-25T09:00:00.000Z';
const on = { grantId, now };
const at = (iso: string) => ({ grantId, now: new Date(iso) });

const request = (change: Partial<RequestAccess> = {}): AccessGrantCommand => ({
  type: 'RequestAccess',
  grantee: { type: 'user', id: 'agent-7' },
  scope: { category: 'customer_personal_information', level: 'confidential', subjectId: null },
  purpose: 'service_callback',
  expiresAt: new Date(in30Days),
  requestedBy: 'agent-7',
  scopeSubjectStatus: null,
  ...on,
  ...change,
});
const requested = (change: Partial<Extract<AccessGrantEvent, { type: 'AccessRequested' }>['data']> = {}) =>
  ({
    type: 'AccessRequested',
    data: {
      grantId,
      grantee: { type: 'user', id: 'agent-7' },
      scope: { category: 'customer_personal_information', level: 'confidential', subjectId: null },
      purpose: 'service_callback',
      expiresAt: in30Days,
      requestedBy: 'agent-7',
      requestedAt: t,
      ...change,
    },
  }) as AccessGrantEvent;
const approve = (approvedBy = 'dpo-2', approverRoles: string[] = ['dpo']): AccessGrantCommand => ({
  type: 'ApproveAccess',
  approvedBy,
  approverRoles,
  ...on,
});
const approved: AccessGrantEvent = {
  type: 'AccessGrantApproved',
  data: { grantId, approvedBy: 'dpo-2', approvedAt: t },
};
const reject: AccessGrantCommand = { type: 'RejectAccess', rejectedBy: 'dpo-2', reason: 'no open case', ...on };
const rejected: AccessGrantEvent = {
  type: 'AccessRequestRejected',
  data: { grantId, rejectedBy: 'dpo-2', reason: 'no open case', rejectedAt: t },
};
const revoke: AccessGrantCommand = { type: 'RevokeAccess', revokedBy: 'dpo-2', reason: 'case closed', ...on };
const revoked: AccessGrantEvent = {
  type: 'AccessGrantRevoked',
  data: { grantId, revokedBy: 'dpo-2', reason: 'case closed', revokedAt: t },
};
const expire = (iso: string): AccessGrantCommand => ({ type: 'ExpireAccess', ...at(iso) });
const expired = (iso: string): AccessGrantEvent => ({
  type: 'AccessGrantExpired',
  data: { grantId, expiresAt: in30Days, expiredAt: iso },
});

describe('AccessGrant', () => {
  describe('when not requested', () => {
    it('records the request: grantee, scope, purpose and expiry', () => {
      spec(accessGrantDecider).given([]).when(request()).then([requested()]);
    });

    it('records a request for a role, scoped to one subject', () => {
      spec(accessGrantDecider)
        .given([])
        .when(
          request({
            grantee: { type: 'role', id: 'agent' },
            scope: { category: 'customer_personal_information', level: 'secret', subjectId },
            scopeSubjectStatus: 'registered',
          }),
        )
        .then([
          requested({
            grantee: { type: 'role', id: 'agent' },
            scope: { category: 'customer_personal_information', level: 'secret', subjectId },
          }),
        ]);
    });

    it.each([
      ['in the past', '2026-11-25T08:59:59.000Z', 'must be in the future'],
      ['now', t, 'must be in the future'],
      ['more than 90 days ahead', '2027-02-23T09:00:01.000Z', 'must be at most 90 days ahead'],
    ])('refuses an expiry %s, naming expiresAt', (_label, expiresAt, rule) => {
      spec(accessGrantDecider)
        .given([])
        .when(request({ expiresAt: new Date(expiresAt) }))
        .thenThrows(AccessGrantRuleViolated, { grantId, field: 'expiresAt', rule });
    });

    it('accepts an expiry exactly 90 days ahead', () => {
      spec(accessGrantDecider)
        .given([])
        .when(request({ expiresAt: new Date('2027-02-23T09:00:00.000Z') }))
        .then([requested({ expiresAt: '2027-02-23T09:00:00.000Z' })]);
    });

    it('refuses a grant for public information: it needs none', () => {
      spec(accessGrantDecider)
        .given([])
        .when(request({ scope: { category: 'commercial_information', level: 'public', subjectId: null } }))
        .thenThrows(AccessGrantRuleViolated, { field: 'scope.level' });
    });

    it('refuses a subject in the scope of another category', () => {
      spec(accessGrantDecider)
        .given([])
        .when(
          request({
            scope: { category: 'commercial_information', level: 'internal', subjectId },
            scopeSubjectStatus: 'registered',
          }),
        )
        .thenThrows(AccessGrantRuleViolated, { field: 'scope.subjectId' });
    });

    it.each(['not_registered', 'erased'] as const)('refuses a scope naming a subject that is %s', (status) => {
      spec(accessGrantDecider)
        .given([])
        .when(
          request({
            scope: { category: 'customer_personal_information', level: 'confidential', subjectId },
            scopeSubjectStatus: status,
          }),
        )
        .thenThrows(AccessGrantRuleViolated, { field: 'scope.subjectId', rule: `the subject is ${status}` });
    });

    it.each([approve(), reject, revoke, expire(in30Days)])('refuses $type as not found', (command) => {
      spec(accessGrantDecider).given([]).when(command).thenThrows(AccessGrantNotFound, { grantId });
    });
  });

  describe('when requested', () => {
    it('is approved by someone independent of it', () => {
      spec(accessGrantDecider).given([requested()]).when(approve()).then([approved]);
    });

    it('refuses approval by the requester', () => {
      spec(accessGrantDecider)
        .given([requested({ requestedBy: 'dpo-1', grantee: { type: 'user', id: 'agent-7' } })])
        .when(approve('dpo-1'))
        .thenThrows(SelfApprovalRefused, { grantId, rule: 'the requester cannot approve their own request' });
    });

    it('refuses approval by the grantee someone else asked for', () => {
      spec(accessGrantDecider)
        .given([requested({ requestedBy: 'manager-3', grantee: { type: 'user', id: 'dpo-1' } })])
        .when(approve('dpo-1'))
        .thenThrows(SelfApprovalRefused, { rule: 'the grantee cannot approve access they would hold' });
    });

    it('refuses approval by a holder of the role granted', () => {
      spec(accessGrantDecider)
        .given([requested({ requestedBy: 'manager-3', grantee: { type: 'role', id: 'dpo' } })])
        .when(approve('dpo-2', ['dpo']))
        .thenThrows(SelfApprovalRefused, { rule: 'a holder of the role dpo cannot approve access for it' });
    });

    it('lets an admin approve a grant for the dpo role', () => {
      spec(accessGrantDecider)
        .given([requested({ requestedBy: 'manager-3', grantee: { type: 'role', id: 'dpo' } })])
        .when(approve('admin-1', ['admin']))
        .then([{ type: 'AccessGrantApproved', data: { grantId, approvedBy: 'admin-1', approvedAt: t } }]);
    });

    it('is rejected, with the reason', () => {
      spec(accessGrantDecider).given([requested()]).when(reject).then([rejected]);
    });

    it('refuses revoking what was never approved', () => {
      spec(accessGrantDecider)
        .given([requested()])
        .when(revoke)
        .thenThrows(AccessGrantTransitionNotAllowed, { currentState: 'requested', allowedStates: ['approved'] });
    });

    it('lapses at its expiry: approval is refused as expired', () => {
      spec(accessGrantDecider)
        .given([requested()])
        .when({ ...approve(), now: new Date(in30Days) })
        .thenThrows(AccessGrantTransitionNotAllowed, { currentState: 'expired', allowedStates: ['requested'] });
    });

    it('records the expiry of a request never decided', () => {
      spec(accessGrantDecider)
        .given([requested()])
        .when(expire(in30Days))
        .then([expired(in30Days)]);
    });
  });

  describe('when approved', () => {
    it('is revoked before its expiry, with the reason', () => {
      spec(accessGrantDecider).given([requested(), approved]).when(revoke).then([revoked]);
    });

    it('records nothing before its expiry', () => {
      spec(accessGrantDecider).given([requested(), approved]).when(expire('2026-12-25T08:59:59.999Z')).then([]);
    });

    it('records its expiry once the time has come', () => {
      spec(accessGrantDecider)
        .given([requested(), approved])
        .when(expire('2026-12-25T09:00:05.000Z'))
        .then([expired('2026-12-25T09:00:05.000Z')]);
    });

    it('counts as expired once its expiry has passed, recorded or not: it can no longer be revoked', () => {
      spec(accessGrantDecider)
        .given([requested(), approved])
        .when({ ...revoke, now: new Date('2026-12-26T00:00:00.000Z') })
        .thenThrows(AccessGrantTransitionNotAllowed, { currentState: 'expired' });
    });

    it('refuses a second approval', () => {
      spec(accessGrantDecider)
        .given([requested(), approved])
        .when(approve('dpo-3'))
        .thenThrows(AccessGrantTransitionNotAllowed, { currentState: 'approved' });
    });
  });

  describe('when ended', () => {
    it.each([
      ['rejected', [requested(), rejected]],
      ['revoked', [requested(), approved, revoked]],
      ['expired', [requested(), approved, expired(in30Days)]],
    ] as const)('records no expiry for a grant %s: it is recorded once', (_label, history) => {
      spec(accessGrantDecider)
        .given([...history])
        .when(expire('2027-01-30T00:00:00.000Z'))
        .then([]);
    });

    it.each([
      ['rejected', [requested(), rejected], approve()],
      ['revoked', [requested(), approved, revoked], revoke],
      ['expired', [requested(), approved, expired(in30Days)], revoke],
    ] as const)('refuses to act on a grant %s', (label, history, command) => {
      spec(accessGrantDecider)
        .given([...history])
        .when(command)
        .thenThrows(AccessGrantTransitionNotAllowed, { currentState: label });
    });
  });

  describe('published events', () => {
    const validator = new EventValidator();
    it.each([requested(), approved, rejected, revoked, expired(in30Days)].map((e) => [e.type, e] as const))(
      'match the published schema: %s',
      (_type, event) => {
        const envelope = {
          id: '3f2b1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d',
          type: event.type,
          schemaVersion: 1,
          streamId: grantId,
          streamType: 'AccessGrant',
          streamVersion: 1,
          position: '1',
          occurredAt: t,
          correlationId: 'c-1',
          causationId: null,
          actor: { type: 'user', id: 'dpo-2' },
          data: event.data,
        };
        expect(validator.validate(envelope)).toMatchObject({ valid: true });
      },
    );
  });
});
