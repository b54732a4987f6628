import { EventValidator } from '@cx/contracts';
import { spec } from '@cx/testing';
import type { GrantOnRecord } from '../access-grant/access-grant.state';
import { AccessRequest, decideAccess } from './access-decision';
import { accessDenialDecider, RecordAccessDenial } from './access-denial.decider';

const subjectId = 'subj_4kT9wQ2mZp7LxR3vB8nC5dYh';
const now = new Date('2026-11-25T09:00:00.000Z');
const later = '2026-12-25T09:00:00.000Z';
const earlier = '2026-11-24T09:00:00.000Z';
let grants = 0;

const grant = (change: Partial<GrantOnRecord> = {}): GrantOnRecord => ({
  grantId: `00000000-0000-4000-8000-${String(++grants).padStart(12, '0')}`,
  status: 'approved',
  grantee: { type: 'user', id: 'agent-7' },
  scope: { category: 'customer_personal_information', level: 'confidential', subjectId: null },
  purpose: 'service_callback',
  expiresAt: later,
  ...change,
});
const read = (change: Partial<AccessRequest> = {}): AccessRequest => ({
  subjectId,
  requestedBy: 'agent-7',
  roles: ['agent'],
  purpose: 'service_callback',
  fields: ['name', 'phone'],
  ...change,
});

describe('access decisions on personal data', () => {
  describe('allowed', () => {
    it('under an approved, unexpired grant to the caller for the purpose, at the level of the fields', () => {
      const g = grant();
      expect(decideAccess(read(), [g], now)).toEqual({
        decision: 'allowed',
        grantId: g.grantId,
        level: 'confidential',
      });
    });

    it('under a grant to one of the caller’s roles', () => {
      const g = grant({ grantee: { type: 'role', id: 'agent' } });
      expect(decideAccess(read(), [g], now)).toMatchObject({ decision: 'allowed', grantId: g.grantId });
    });

    it('under a grant scoped to this subject', () => {
      const g = grant({ scope: { category: 'customer_personal_information', level: 'confidential', subjectId } });
      expect(decideAccess(read(), [g], now)).toMatchObject({ decision: 'allowed', grantId: g.grantId });
    });

    it('for the ID number (secret) only under a secret grant', () => {
      const secret = grant({ scope: { category: 'customer_personal_information', level: 'secret', subjectId: null } });
      expect(decideAccess(read({ fields: ['idNumber'] }), [secret], now)).toEqual({
        decision: 'allowed',
        grantId: secret.grantId,
        level: 'secret',
      });
    });

    it('under the grant that lasts longest when several apply', () => {
      const sooner = grant({ expiresAt: '2026-12-01T00:00:00.000Z' });
      const longer = grant();
      expect(decideAccess(read(), [sooner, longer], now)).toMatchObject({ grantId: longer.grantId });
    });
  });

  describe('denied', () => {
    it('without any grant', () => {
      expect(decideAccess(read(), [], now)).toEqual({ decision: 'denied', reason: 'no_grant', grantId: null });
    });

    it('under a grant held by someone else, for another subject, or another category', () => {
      const others = [
        grant({ grantee: { type: 'user', id: 'agent-8' } }),
        grant({ grantee: { type: 'role', id: 'manager' } }),
        grant({ scope: { category: 'customer_personal_information', level: 'secret', subjectId: 'subj_other000000' } }),
        grant({ scope: { category: 'data_assets', level: 'secret', subjectId: null } }),
      ];
      expect(decideAccess(read(), others, now)).toEqual({ decision: 'denied', reason: 'no_grant', grantId: null });
    });

    it('when the grant has expired, recorded or not', () => {
      const byTime = grant({ expiresAt: now.toISOString() });
      expect(decideAccess(read(), [byTime], now)).toEqual({
        decision: 'denied',
        reason: 'grant_expired',
        grantId: byTime.grantId,
      });
      const recorded = grant({ status: 'expired', expiresAt: earlier });
      expect(decideAccess(read(), [recorded], now)).toMatchObject({ reason: 'grant_expired' });
    });

    it('when the grant was revoked', () => {
      const g = grant({ status: 'revoked' });
      expect(decideAccess(read(), [g], now)).toEqual({
        decision: 'denied',
        reason: 'grant_revoked',
        grantId: g.grantId,
      });
    });

    it('when the grant is not approved yet', () => {
      const g = grant({ status: 'requested' });
      expect(decideAccess(read(), [g], now)).toMatchObject({ reason: 'grant_pending', grantId: g.grantId });
    });

    it('when the request was rejected: as without a grant', () => {
      expect(decideAccess(read(), [grant({ status: 'rejected' })], now)).toMatchObject({ reason: 'no_grant' });
    });

    it('names the most recent of several grants that no longer apply', () => {
      const oldRevoked = grant({ status: 'revoked', expiresAt: '2026-12-01T00:00:00.000Z' });
      const pending = grant({ status: 'requested' });
      expect(decideAccess(read(), [oldRevoked, pending], now)).toMatchObject({
        reason: 'grant_pending',
        grantId: pending.grantId,
      });
    });

    it('under a grant for another purpose', () => {
      const g = grant({ purpose: 'complaint_handling' });
      expect(decideAccess(read(), [g], now)).toEqual({
        decision: 'denied',
        reason: 'purpose_not_granted',
        grantId: g.grantId,
      });
    });

    it('for the ID number under a confidential grant', () => {
      const g = grant();
      expect(decideAccess(read({ fields: ['phone', 'idNumber'] }), [g], now)).toEqual({
        decision: 'denied',
        reason: 'level_not_granted',
        grantId: g.grantId,
      });
    });
  });

  describe('the denial record', () => {
    const command: RecordAccessDenial = {
      type: 'RecordAccessDenial',
      denialId: '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d',
      subjectId,
      requestedBy: 'agent-7',
      purpose: 'service_callback',
      fields: ['phone'],
      reason: 'grant_revoked',
      grantId: '4c1d2e3f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
      now,
    };
    const denied = {
      type: 'AccessDenied' as const,
      data: {
        denialId: command.denialId,
        subjectId,
        requestedBy: 'agent-7',
        purpose: 'service_callback' as const,
        fields: ['phone' as const],
        reason: 'grant_revoked' as const,
        grantId: command.grantId,
        deniedAt: now.toISOString(),
      },
    };

    it('records who was refused which categories of whose data, for what purpose, and why', () => {
      spec(accessDenialDecider).given([]).when(command).then([denied]);
    });

    it('is recorded once per denial id', () => {
      expect(() =>
        accessDenialDecider.decide(command, accessDenialDecider.evolve({ status: 'not_recorded' }, denied)),
      ).toThrow('already recorded');
    });

    it('matches the published schema', () => {
      const envelope = {
        id: '3f2b1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d',
        type: denied.type,
        schemaVersion: 1,
        streamId: command.denialId,
        streamType: 'AccessDenial',
        streamVersion: 1,
        position: '1',
        occurredAt: now.toISOString(),
        correlationId: 'c-1',
        causationId: null,
        actor: { type: 'user', id: 'agent-7' },
        data: denied.data,
      };
      expect(new EventValidator().validate(envelope)).toMatchObject({ valid: true });
    });
  });
});
