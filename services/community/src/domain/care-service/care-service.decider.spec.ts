import { EventValidator } from '@cx/contracts';
import { fold } from '@cx/domain';
import { spec } from '@cx/testing';
import { afterPeriods, nextVisitTime } from './care-recurrence';
import type { CareServiceCommand } from './care-service.commands';
import { careServiceDecider as decider } from './care-service.decider';
import {
  CareServiceNotFound,
  CareServiceRuleViolated,
  CareServiceTransitionNotAllowed,
  CareVisitConflict,
  CareVisitNotFound,
} from './care-service.errors';
import type { CareServiceEvent } from './care-service.events';

const careServiceId = '2a3b4c5d-6e7f-4081-9a2b-3c4d5e6f7a8b';
const community = 'SH-PUDONG-07';
const residentId = 'subj_elderResident01';
const now = new Date('2026-05-04T01:00:00.000Z');
const t = now.toISOString();
const ids = { careServiceId, community };
const on = { careServiceId, now };
// Tuesday 5 May 2026, 10:00 Beijing time.
const firstVisit = '2026-05-05T02:00:00.000Z';

const request = (changes: object = {}): CareServiceCommand =>
  ({
    type: 'RequestCareService',
    community,
    residentId,
    resident: { elderlyCare: true },
    serviceKind: 'elderly_check_in',
    recurrence: 'weekly',
    requestedBy: 'agent-3',
    ...on,
    ...changes,
  }) as CareServiceCommand;
const requested = (recurrence: 'weekly' | null = 'weekly', serviceKind = 'elderly_check_in'): CareServiceEvent =>
  ({
    type: 'CareServiceRequested',
    data: { ...ids, residentId, serviceKind, recurrence, requestedBy: 'agent-3', requestedAt: t },
  }) as CareServiceEvent;
const assigned = (assigneeId = 'cs-7'): CareServiceEvent => ({
  type: 'CareServiceAssigned',
  data: { ...ids, assigneeId, assignedAt: t },
});
const scheduled = (visitNumber: number, scheduledFor: string, scheduledAt = t): CareServiceEvent => ({
  type: 'CareVisitScheduled',
  data: { ...ids, visitNumber, scheduledFor, scheduledAt },
});
const completed = (visitNumber: number, completedAt: string): CareServiceEvent => ({
  type: 'CareVisitCompleted',
  data: { ...ids, visitNumber, completedBy: 'cs-7', completedAt },
});
const complete = (visitNumber: number, when: string): CareServiceCommand => ({
  type: 'CompleteCareVisit',
  visitNumber,
  completedBy: 'cs-7',
  careServiceId,
  now: new Date(when),
});
const rate = (visitNumber: number, rating = 5): CareServiceCommand => ({
  type: 'RateCareVisit',
  visitNumber,
  rating,
  ...on,
});

const oneOff = [requested(null, 'newborn_visit'), assigned(), scheduled(1, firstVisit)];
const weekly = [requested(), assigned(), scheduled(1, firstVisit)];

describe('CareService', () => {
  describe('when not requested', () => {
    it('is requested for a resident on the register; weekly for one on the elderly care register', () => {
      spec(decider).given([]).when(request()).then([requested()]);
      spec(decider)
        .given([])
        .when(request({ serviceKind: 'newborn_visit', recurrence: null, resident: { elderlyCare: false } }))
        .then([requested(null, 'newborn_visit')]);
    });

    it.each([
      ['a resident not on the register', { resident: null }, 'residentId'],
      [
        'a recurring kind for someone not on the elderly care register',
        { resident: { elderlyCare: false } },
        'recurrence',
      ],
      ['a kind that does not recur', { serviceKind: 'moving_in_assistance' }, 'recurrence'],
    ])('refuses %s, naming the field', (_label, changes, field) => {
      spec(decider).given([]).when(request(changes)).thenThrows(CareServiceRuleViolated, { careServiceId, field });
    });

    it('is not found for any other command', () => {
      spec(decider)
        .given([])
        .when({ type: 'AssignCareService', assigneeId: 'cs-7', ...on })
        .thenThrows(CareServiceNotFound, { careServiceId });
    });
  });

  describe('when requested', () => {
    it('is assigned, then a visit is scheduled', () => {
      spec(decider)
        .given([requested()])
        .when({ type: 'AssignCareService', assigneeId: 'cs-7', ...on })
        .then([assigned()]);
      spec(decider)
        .given([requested(), assigned()])
        .when({ type: 'ScheduleCareVisit', scheduledFor: new Date(firstVisit), ...on })
        .then([scheduled(1, firstVisit)]);
    });

    it('cannot be scheduled before it is assigned, naming its state', () => {
      spec(decider)
        .given([requested()])
        .when({ type: 'ScheduleCareVisit', scheduledFor: new Date(firstVisit), ...on })
        .thenThrows(CareServiceTransitionNotAllowed, {
          currentState: 'requested',
          allowedStates: ['assigned', 'scheduled'],
        });
    });

    it('refuses a visit in the past', () => {
      spec(decider)
        .given([requested(), assigned()])
        .when({ type: 'ScheduleCareVisit', scheduledFor: new Date('2026-05-04T00:59:00.000Z'), ...on })
        .thenThrows(CareServiceRuleViolated, { field: 'scheduledFor' });
    });

    it('is reassigned to someone else, and to the same assignee changes nothing', () => {
      spec(decider)
        .given([requested(), assigned()])
        .when({ type: 'AssignCareService', assigneeId: 'cs-7', ...on })
        .then([]);
      spec(decider)
        .given([requested(), assigned()])
        .when({ type: 'AssignCareService', assigneeId: 'cs-8', ...on })
        .then([assigned('cs-8')]);
    });
  });

  describe('when a visit is scheduled', () => {
    it('moves the booked visit, keeping its number', () => {
      spec(decider)
        .given(oneOff)
        .when({ type: 'ScheduleCareVisit', scheduledFor: new Date('2026-05-06T02:00:00.000Z'), ...on })
        .then([scheduled(1, '2026-05-06T02:00:00.000Z')]);
    });

    it('one visit: completing it completes the service', () => {
      spec(decider)
        .given(oneOff)
        .when(complete(1, '2026-05-05T03:00:00.000Z'))
        .then([completed(1, '2026-05-05T03:00:00.000Z')]);
      expect(fold(decider, [...oneOff, completed(1, '2026-05-05T03:00:00.000Z')])).toMatchObject({
        status: 'completed',
        completedAt: '2026-05-05T03:00:00.000Z',
      });
    });

    it('recurring: completing a visit books the next one a period after the first, in the same decision', () => {
      const done = '2026-05-05T03:00:00.000Z';
      spec(decider)
        .given(weekly)
        .when(complete(1, done))
        .then([completed(1, done), scheduled(2, '2026-05-12T02:00:00.000Z', done)]);
    });

    it('recurring: a visit completed late books the next one still ahead, on the same cadence', () => {
      const late = '2026-05-13T09:00:00.000Z';
      spec(decider)
        .given(weekly)
        .when(complete(1, late))
        .then([completed(1, late), scheduled(2, '2026-05-19T02:00:00.000Z', late)]);
    });

    it('refuses to complete a visit twice, or one that does not exist', () => {
      const done = '2026-05-05T03:00:00.000Z';
      spec(decider)
        .given([...weekly, completed(1, done), scheduled(2, '2026-05-12T02:00:00.000Z', done)])
        .when(complete(1, '2026-05-05T04:00:00.000Z'))
        .thenThrows(CareVisitConflict, { visitNumber: 1, currentState: 'completed' });
      spec(decider).given(weekly).when(complete(3, done)).thenThrows(CareVisitNotFound, { visitNumber: 3 });
    });

    it('refuses to rate a visit before it took place', () => {
      spec(decider)
        .given(weekly)
        .when(rate(1))
        .thenThrows(CareVisitConflict, { visitNumber: 1, currentState: 'scheduled' });
    });
  });

  describe('when visits are completed', () => {
    const done = '2026-05-05T03:00:00.000Z';
    const afterFirst = [...weekly, completed(1, done), scheduled(2, '2026-05-12T02:00:00.000Z', done)];

    it('rates each completed visit once', () => {
      const rated: CareServiceEvent = {
        type: 'CareVisitRated',
        data: { ...ids, visitNumber: 1, rating: 4, ratedAt: t },
      };
      spec(decider).given(afterFirst).when(rate(1, 4)).then([rated]);
      spec(decider)
        .given([...afterFirst, rated])
        .when(rate(1, 5))
        .thenThrows(CareVisitConflict, { visitNumber: 1, currentState: 'rated' });
    });

    it('rates a one-off visit after the service completed', () => {
      spec(decider)
        .given([...oneOff, completed(1, done)])
        .when(rate(1, 3))
        .then([{ type: 'CareVisitRated', data: { ...ids, visitNumber: 1, rating: 3, ratedAt: t } }]);
    });

    it('ends a recurring service; a completed one-off cannot be ended', () => {
      const ended: CareServiceEvent = {
        type: 'CareServiceEnded',
        data: { ...ids, reason: 'no_longer_needed', endedAt: t },
      };
      spec(decider)
        .given(afterFirst)
        .when({ type: 'EndCareService', reason: 'no_longer_needed', ...on })
        .then([ended]);
      spec(decider)
        .given([...oneOff, completed(1, done)])
        .when({ type: 'EndCareService', reason: 'no_longer_needed', ...on })
        .thenThrows(CareServiceTransitionNotAllowed, { currentState: 'completed' });
      expect(fold(decider, [...afterFirst, ended])).toMatchObject({ status: 'ended', assigneeId: 'cs-7' });
    });

    it('takes no visit once ended', () => {
      spec(decider)
        .given([...afterFirst, { type: 'CareServiceEnded', data: { ...ids, reason: 'moved_away', endedAt: t } }])
        .when(complete(2, '2026-05-12T03:00:00.000Z'))
        .thenThrows(CareServiceTransitionNotAllowed, { currentState: 'ended' });
    });
  });

  describe('recurrence', () => {
    it('keeps the day of the month in Beijing time, or the month’s last day', () => {
      // 31 January 2026, 09:00 Beijing = 01:00 UTC.
      const first = new Date('2026-01-31T01:00:00.000Z');
      expect(afterPeriods(first, 'monthly', 1).toISOString()).toBe('2026-02-28T01:00:00.000Z');
      expect(afterPeriods(first, 'monthly', 2).toISOString()).toBe('2026-03-31T01:00:00.000Z');
      expect(afterPeriods(first, 'fortnightly', 1).toISOString()).toBe('2026-02-14T01:00:00.000Z');
      // 1 March 07:00 Beijing is still 28 February in UTC: the month is Beijing's.
      expect(afterPeriods(new Date('2026-02-28T23:00:00.000Z'), 'monthly', 1).toISOString()).toBe(
        '2026-03-31T23:00:00.000Z',
      );
    });

    it('counts from the first visit, so the cadence does not drift', () => {
      expect(nextVisitTime('2026-01-31T01:00:00.000Z', 'monthly', 2, new Date('2026-03-31T02:00:00.000Z'))).toBe(
        '2026-04-30T01:00:00.000Z',
      );
    });
  });

  describe('its events', () => {
    it('all match the published JSON Schemas', () => {
      const validator = new EventValidator();
      const done = '2026-05-05T03:00:00.000Z';
      const events: CareServiceEvent[] = [
        ...weekly,
        completed(1, done),
        { type: 'CareVisitRated', data: { ...ids, visitNumber: 1, rating: 4, ratedAt: t } },
        { type: 'CareServiceEnded', data: { ...ids, reason: 'resident_declined', endedAt: t } },
      ];
      for (const [i, event] of events.entries()) {
        const envelope = {
          id: '6a1f7c1e-2b1d-4f3a-9a0e-1c2d3e4f5a6b',
          type: event.type,
          schemaVersion: 1,
          streamId: careServiceId,
          streamType: 'CareService',
          streamVersion: i + 1,
          position: String(i + 1),
          occurredAt: t,
          correlationId: 'c-1',
          causationId: null,
          actor: { type: 'user', id: 'cs-7' },
          data: event.data,
        };
        expect({ type: event.type, result: validator.validate(envelope) }).toEqual({
          type: event.type,
          result: expect.objectContaining({ valid: true }),
        });
      }
    });
  });
});
