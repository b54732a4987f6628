import { EventValidator } from '@cx/contracts';
import { fold } from '@cx/domain';
import { spec } from '@cx/testing';
import type { CommunityRegisterCommand } from './community-register.commands';
import { communityRegisterDecider as decider } from './community-register.decider';
import { CommunityRegisterRuleViolated } from './community-register.errors';
import type { CommunityRegisterEvent } from './community-register.events';

const community = 'SH-PUDONG-07';
const now = new Date('2026-04-20T02:00:00.000Z');
const t = now.toISOString();
const [a, b, c] = ['subj_residentAAAA01', 'subj_residentBBBB02', 'subj_residentCCCC03'];

const registerResidents = (residents: { residentId: string; elderlyCare: boolean }[]): CommunityRegisterCommand => ({
  type: 'RegisterResidents',
  community,
  residents,
  now,
});
const registered = (residents: { residentId: string; elderlyCare: boolean }[]): CommunityRegisterEvent => ({
  type: 'CommunityResidentsRegistered',
  data: { community, residents, registeredAt: t },
});

describe('CommunityRegister', () => {
  describe('when not started', () => {
    it('registers residents with their elderly care enrolment', () => {
      const residents = [
        { residentId: a, elderlyCare: false },
        { residentId: b, elderlyCare: true },
      ];
      spec(decider)
        .given([])
        .when(registerResidents(residents))
        .then([registered(residents)]);
    });

    it('refuses a resident sent twice in one request, naming them', () => {
      spec(decider)
        .given([])
        .when(
          registerResidents([
            { residentId: a, elderlyCare: false },
            { residentId: a, elderlyCare: true },
          ]),
        )
        .thenThrows(CommunityRegisterRuleViolated, {
          community,
          field: 'residents',
          rule: `${a} appears more than once`,
        });
    });
  });

  describe('when kept', () => {
    const kept = [
      registered([
        { residentId: a, elderlyCare: false },
        { residentId: b, elderlyCare: true },
      ]),
    ];

    it('repeats nobody sent again unchanged: only new residents and changed enrolments are events', () => {
      spec(decider)
        .given(kept)
        .when(
          registerResidents([
            { residentId: a, elderlyCare: true },
            { residentId: b, elderlyCare: true },
            { residentId: c, elderlyCare: false },
          ]),
        )
        .then([
          registered([
            { residentId: a, elderlyCare: true },
            { residentId: c, elderlyCare: false },
          ]),
        ]);
    });

    it('appends nothing when nothing is new', () => {
      spec(decider)
        .given(kept)
        .when(registerResidents([{ residentId: b, elderlyCare: true }]))
        .then([]);
    });

    it('knows every resident with their latest enrolment', () => {
      const state = fold(decider, [...kept, registered([{ residentId: a, elderlyCare: true }])]);
      expect(state.status === 'kept' && Object.fromEntries(state.residents)).toEqual({ [a]: true, [b]: true });
    });
  });

  it('its events match the published JSON Schema', () => {
    const event = registered([{ residentId: a, elderlyCare: true }]);
    const result = new EventValidator().validate({
      id: '6a1f7c1e-2b1d-4f3a-9a0e-1c2d3e4f5a6b',
      type: event.type,
      schemaVersion: 1,
      streamId: `community-register-${community}`,
      streamType: 'CommunityRegister',
      streamVersion: 1,
      position: '1',
      occurredAt: t,
      correlationId: 'c-1',
      causationId: null,
      actor: { type: 'user', id: 'cs-1' },
      data: event.data,
    });
    expect(result).toMatchObject({ valid: true });
  });
});
