import { EventValidator } from '@cx/contracts';
import { fold } from '@cx/domain';
import { spec } from '@cx/testing';
import type { CommunityActivityCommand } from './community-activity.commands';
import { createCommunityActivityDecider } from './community-activity.decider';
import {
  ActivityRegistrationConflict,
  ActivityRegistrationNotFound,
  ActivityRegistrationRefused,
  AlreadyCheckedIn,
  AlreadyRegistered,
  CapacityBelowTakenPlaces,
  CommunityActivityNotFound,
  CommunityActivityRuleViolated,
  CommunityActivityTransitionNotAllowed,
  FeedbackNotAllowed,
  NotAllowedAtThisTime,
  WaitlistOfferExpired,
} from './community-activity.errors';
import type { CommunityActivityEvent } from './community-activity.events';

const HOUR = 3_600_000;
const decider = createCommunityActivityDecider({ offerHoldMs: 24 * HOUR });
const activityId = '5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const community = 'SH-PUDONG-07';
// 10:00 on 1 May 2026 in Beijing; the activity is on 10 May, 19:00-21:00 Beijing time.
const now = new Date('2026-05-01T02:00:00.000Z');
const t = now.toISOString();
const at = (iso: string) => new Date(iso);
const startsAt = '2026-05-10T11:00:00.000Z';
const endsAt = '2026-05-10T13:00:00.000Z';
const details = {
  title: 'Lantern riddles in the courtyard',
  category: 'festival' as const,
  ageGroups: ['children' as const, 'adults' as const],
  venue: 'Block 3 courtyard',
  startsAt,
  endsAt,
  capacity: 4,
  maxPartySize: 2,
  registrationOpensAt: '2026-05-01T00:00:00.000Z',
  registrationClosesAt: '2026-05-09T16:00:00.000Z',
};
const on = { activityId, now };
const ids = { activityId, community };
const reg = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const resident = (n: number) => `subj_resident0000${n}`;
const party = (n: number, partySize: number) => ({
  ...ids,
  registrationId: reg(n),
  residentId: resident(n),
  partySize,
});

const plan: CommunityActivityCommand = {
  type: 'PlanCommunityActivity',
  community,
  details,
  plannedBy: 'cs-1',
  ...on,
};
const planned: CommunityActivityEvent = {
  type: 'CommunityActivityPlanned',
  data: { ...ids, ...details, plannedBy: 'cs-1', plannedAt: t },
};
const published: CommunityActivityEvent = { type: 'CommunityActivityPublished', data: { ...ids, publishedAt: t } };
const confirmed = (n: number, size = 1): CommunityActivityEvent => ({
  type: 'ActivityRegistrationConfirmed',
  data: { ...party(n, size), confirmedAt: t },
});
const waitlisted = (n: number, size: number, waitlistNumber: number): CommunityActivityEvent => ({
  type: 'ActivityRegistrationWaitlisted',
  data: { ...party(n, size), waitlistNumber, waitlistedAt: t },
});
const offered = (
  n: number,
  size: number,
  offeredAt = t,
  expiresAt = '2026-05-02T02:00:00.000Z',
): CommunityActivityEvent => ({
  type: 'WaitlistPlaceOffered',
  data: { ...party(n, size), offeredAt, expiresAt },
});
const cancelled = (
  n: number,
  size: number,
  previousStatus: 'confirmed' | 'offered' | 'waitlisted',
): CommunityActivityEvent => ({
  type: 'ActivityRegistrationCancelled',
  data: { ...party(n, size), previousStatus, cancelledAt: t },
});
const register = (n: number, partySize = 1, changes: object = {}): CommunityActivityCommand =>
  ({
    type: 'RegisterForActivity',
    registrationId: reg(n),
    residentId: resident(n),
    partySize,
    onCommunityRegister: true,
    ...on,
    ...changes,
  }) as CommunityActivityCommand;
const cancelRegistration = (n: number, when = now): CommunityActivityCommand => ({
  type: 'CancelActivityRegistration',
  registrationId: reg(n),
  activityId,
  now: when,
});
const checkIn = (n: number, when = at('2026-05-10T10:30:00.000Z')): CommunityActivityCommand => ({
  type: 'CheckInAttendee',
  registrationId: reg(n),
  method: 'code',
  checkedInBy: 'cs-2',
  activityId,
  now: when,
});
const checkedIn = (n: number, size = 1, method: 'code' | 'staff' = 'code'): CommunityActivityEvent => ({
  type: 'ActivityAttendeeCheckedIn',
  data: { ...party(n, size), method, checkedInBy: 'cs-2', checkedInAt: '2026-05-10T10:30:00.000Z' },
});
const afterEnd = at('2026-05-10T14:00:00.000Z');
const closed: CommunityActivityEvent = {
  type: 'CommunityActivityAttendanceClosed',
  data: { ...ids, registeredPeople: 3, attendedPeople: 2, noShows: [reg(2)], closedAt: afterEnd.toISOString() },
};

/** Four places: residents 1 (party of 2) and 2 confirmed; 3 waits first, then 4 (party of 2). */
const full = [
  planned,
  published,
  confirmed(1, 2),
  confirmed(2),
  confirmed(5),
  waitlisted(3, 1, 1),
  waitlisted(4, 2, 2),
];

describe('CommunityActivity', () => {
  describe('when not planned', () => {
    it('is planned as a draft with its details', () => {
      spec(decider).given([]).when(plan).then([planned]);
    });

    it.each([
      ['a start in the past', { startsAt: '2026-04-30T11:00:00.000Z' }, 'startsAt'],
      ['an end before the start', { endsAt: '2026-05-10T10:00:00.000Z' }, 'endsAt'],
      [
        'a window that closes before it opens',
        { registrationClosesAt: '2026-04-30T00:00:00.000Z' },
        'registrationClosesAt',
      ],
      [
        'a window that closes after the start',
        { registrationClosesAt: '2026-05-10T12:00:00.000Z' },
        'registrationClosesAt',
      ],
      ['parties larger than the capacity', { maxPartySize: 5 }, 'maxPartySize'],
    ])('refuses %s, naming the field', (_label, changes, field) => {
      spec(decider)
        .given([])
        .when({ ...plan, details: { ...details, ...changes } } as CommunityActivityCommand)
        .thenThrows(CommunityActivityRuleViolated, { activityId, field });
    });

    it.each([
      register(1),
      cancelRegistration(1),
      { type: 'PublishCommunityActivity', ...on } as CommunityActivityCommand,
    ])('refuses $type as not found', (command) => {
      spec(decider).given([]).when(command).thenThrows(CommunityActivityNotFound, { activityId });
    });
  });

  describe('when a draft', () => {
    it('is published', () => {
      spec(decider)
        .given([planned])
        .when({ type: 'PublishCommunityActivity', ...on })
        .then([published]);
    });

    it('is not published once its start has passed', () => {
      spec(decider)
        .given([planned])
        .when({ type: 'PublishCommunityActivity', activityId, now: at('2026-05-10T11:00:00.000Z') })
        .thenThrows(CommunityActivityRuleViolated, { field: 'startsAt' });
    });

    it('takes no registration, naming its state', () => {
      spec(decider)
        .given([planned])
        .when(register(1))
        .thenThrows(CommunityActivityTransitionNotAllowed, { currentState: 'draft', allowedStates: ['published'] });
    });

    it('is changed with nobody to notify yet', () => {
      spec(decider)
        .given([planned])
        .when({ type: 'ChangeCommunityActivity', changes: { venue: 'Clubhouse hall' }, ...on })
        .then([
          {
            type: 'CommunityActivityChanged',
            data: { ...ids, changes: { venue: 'Clubhouse hall' }, attendeesToNotify: [], changedAt: t },
          },
        ]);
    });

    it('refuses to be planned twice', () => {
      spec(decider)
        .given([planned])
        .when(plan)
        .thenThrows(CommunityActivityTransitionNotAllowed, { currentState: 'draft', allowedStates: ['not_planned'] });
    });
  });

  describe('when published, registrations', () => {
    it('are confirmed while places are free, a party taking as many places as people', () => {
      spec(decider)
        .given([planned, published])
        .when(register(1, 2))
        .then([confirmed(1, 2)]);
      spec(decider)
        .given([planned, published, confirmed(1, 2), confirmed(2)])
        .when(register(5))
        .then([confirmed(5)]);
    });

    it('wait in line, numbered in order of arrival, when the party does not fit', () => {
      spec(decider)
        .given([planned, published, confirmed(1, 2), confirmed(2)])
        .when(register(3, 2))
        .then([waitlisted(3, 2, 1)]);
      spec(decider)
        .given(full)
        .when(register(6))
        .then([waitlisted(6, 1, 3)]);
    });

    it('join the line behind those waiting even when a place is free: nobody overtakes', () => {
      const oneFree = [planned, published, confirmed(1, 2), confirmed(2), waitlisted(3, 2, 1)];
      spec(decider)
        .given(oneFree)
        .when(register(4))
        .then([waitlisted(4, 1, 2)]);
    });

    it.each([
      [
        'before the window opens',
        { now: at('2026-04-30T23:59:59.000Z') },
        'registration_not_open',
        'registrationOpensAt',
      ],
      [
        'once the window has closed',
        { now: at('2026-05-09T16:00:00.000Z') },
        'registration_closed',
        'registrationClosesAt',
      ],
      ['a party above the limit', { partySize: 3 }, 'party_size_above_limit', 'partySize'],
      ['a resident not on the community register', { onCommunityRegister: false }, 'not_a_resident', 'residentId'],
    ])('are refused %s, with the reason and the field', (_label, changes, reason, field) => {
      spec(decider)
        .given([planned, published])
        .when(register(1, 1, changes))
        .thenThrows(ActivityRegistrationRefused, { activityId, reason, field });
    });

    it('are one per resident while it holds or waits for places, naming the registration', () => {
      spec(decider)
        .given(full)
        .when(register(4, 1, { registrationId: reg(9) }))
        .thenThrows(AlreadyRegistered, { existingRegistrationId: reg(4), currentState: 'waitlisted' });
    });

    it('may be made again after a cancellation, at the end of the line', () => {
      spec(decider)
        .given([...full, cancelled(4, 2, 'waitlisted')])
        .when(register(4, 1, { registrationId: reg(9) }))
        .then([
          {
            type: 'ActivityRegistrationWaitlisted',
            data: { ...party(4, 1), registrationId: reg(9), waitlistNumber: 3, waitlistedAt: t },
          },
        ]);
    });
  });

  describe('when published, a cancellation', () => {
    it('offers the freed place to the first in line in the same decision, held for the configured time', () => {
      spec(decider)
        .given(full)
        .when(cancelRegistration(2))
        .then([cancelled(2, 1, 'confirmed'), offered(3, 1)]);
    });

    it('offers as many in line as the freed places take, in order', () => {
      spec(decider)
        .given(full)
        .when(cancelRegistration(1))
        .then([cancelled(1, 2, 'confirmed'), offered(3, 1)]);
      spec(decider)
        .given([...full, cancelled(5, 1, 'confirmed'), offered(3, 1)])
        .when(cancelRegistration(1))
        .then([cancelled(1, 2, 'confirmed'), offered(4, 2)]);
    });

    it('never holds a place past the start', () => {
      const late = at('2026-05-10T02:00:00.000Z');
      spec(decider)
        .given(full)
        .when(cancelRegistration(2, late))
        .then([
          {
            ...cancelled(2, 1, 'confirmed'),
            data: { ...cancelled(2, 1, 'confirmed').data, cancelledAt: late.toISOString() },
          } as CommunityActivityEvent,
          offered(3, 1, late.toISOString(), startsAt),
        ]);
    });

    it('of someone waiting frees no place and offers nothing', () => {
      spec(decider)
        .given(full)
        .when(cancelRegistration(3))
        .then([cancelled(3, 1, 'waitlisted')]);
    });

    it('is refused twice, naming the registration state, and for an unknown registration', () => {
      spec(decider)
        .given([...full, cancelled(2, 1, 'confirmed'), offered(3, 1)])
        .when(cancelRegistration(2))
        .thenThrows(ActivityRegistrationConflict, { registrationId: reg(2), currentState: 'cancelled' });
      spec(decider)
        .given(full)
        .when(cancelRegistration(8))
        .thenThrows(ActivityRegistrationNotFound, { registrationId: reg(8) });
    });

    it('is refused once the activity has started', () => {
      spec(decider)
        .given(full)
        .when(cancelRegistration(2, at(startsAt)))
        .thenThrows(NotAllowedAtThisTime, { activityId });
    });
  });

  describe('when published, a waitlist offer', () => {
    const withOffer = [...full, cancelled(2, 1, 'confirmed'), offered(3, 1)];

    it('is accepted within its hold: the registration is confirmed', () => {
      spec(decider)
        .given(withOffer)
        .when({ type: 'AcceptWaitlistOffer', registrationId: reg(3), ...on })
        .then([{ type: 'WaitlistOfferAccepted', data: { ...party(3, 1), acceptedAt: t } }]);
    });

    it('is refused once its hold is over, and to someone not offered a place', () => {
      spec(decider)
        .given(withOffer)
        .when({ type: 'AcceptWaitlistOffer', registrationId: reg(3), activityId, now: at('2026-05-02T02:00:00.000Z') })
        .thenThrows(WaitlistOfferExpired, { registrationId: reg(3), expiredAt: '2026-05-02T02:00:00.000Z' });
      spec(decider)
        .given(withOffer)
        .when({ type: 'AcceptWaitlistOffer', registrationId: reg(4), ...on })
        .thenThrows(ActivityRegistrationConflict, { currentState: 'waitlisted' });
    });

    it('lapses at its hold; its place waits while the next in line does not fit', () => {
      spec(decider)
        .given(withOffer)
        .when({ type: 'ExpireWaitlistOffers', activityId, now: at('2026-05-02T02:00:05.000Z') })
        .then([{ type: 'WaitlistOfferExpired', data: { ...party(3, 1), expiredAt: '2026-05-02T02:00:00.000Z' } }]);
    });

    it('lapses at its hold, and its places go to the next in line in the same decision', () => {
      const due = at('2026-05-02T02:00:05.000Z');
      spec(decider)
        .given([...full, cancelled(1, 2, 'confirmed'), offered(3, 1)])
        .when({ type: 'ExpireWaitlistOffers', activityId, now: due })
        .then([
          { type: 'WaitlistOfferExpired', data: { ...party(3, 1), expiredAt: '2026-05-02T02:00:00.000Z' } },
          offered(4, 2, due.toISOString(), '2026-05-03T02:00:05.000Z'),
        ]);
    });

    it('not due yet, or lapsed already, changes nothing when offers are checked', () => {
      spec(decider)
        .given(withOffer)
        .when({ type: 'ExpireWaitlistOffers', ...on })
        .then([]);
      const lapsed: CommunityActivityEvent = {
        type: 'WaitlistOfferExpired',
        data: { ...party(3, 1), expiredAt: '2026-05-02T02:00:00.000Z' },
      };
      spec(decider)
        .given([...withOffer, lapsed])
        .when({ type: 'ExpireWaitlistOffers', activityId, now: at('2026-05-03T00:00:00.000Z') })
        .then([]);
    });
  });

  describe('when published, a change', () => {
    it('carries only what changed and names everyone holding or waiting for places', () => {
      spec(decider)
        .given(full)
        .when({ type: 'ChangeCommunityActivity', changes: { venue: 'Clubhouse hall', title: details.title }, ...on })
        .then([
          {
            type: 'CommunityActivityChanged',
            data: {
              ...ids,
              changes: { venue: 'Clubhouse hall' },
              attendeesToNotify: [resident(1), resident(2), resident(5), resident(3), resident(4)],
              changedAt: t,
            },
          },
        ]);
    });

    it('to the same values appends nothing', () => {
      spec(decider)
        .given(full)
        .when({ type: 'ChangeCommunityActivity', changes: { capacity: 4 }, ...on })
        .then([]);
    });

    it('refuses a capacity below the places taken, with the counts', () => {
      spec(decider)
        .given([...full, cancelled(2, 1, 'confirmed'), offered(3, 1)])
        .when({ type: 'ChangeCommunityActivity', changes: { capacity: 3 }, ...on })
        .thenThrows(CapacityBelowTakenPlaces, { field: 'capacity', capacity: 3, confirmedPlaces: 3, offeredPlaces: 1 });
    });

    it('offers the places a larger capacity adds, in the same decision', () => {
      spec(decider)
        .given(full)
        .when({ type: 'ChangeCommunityActivity', changes: { capacity: 7 }, ...on })
        .then([
          {
            type: 'CommunityActivityChanged',
            data: {
              ...ids,
              changes: { capacity: 7 },
              attendeesToNotify: [resident(1), resident(2), resident(5), resident(3), resident(4)],
              changedAt: t,
            },
          },
          offered(3, 1),
          offered(4, 2),
        ]);
    });

    it('is refused once the activity has started', () => {
      spec(decider)
        .given(full)
        .when({ type: 'ChangeCommunityActivity', changes: { venue: 'Hall' }, activityId, now: at(startsAt) })
        .thenThrows(NotAllowedAtThisTime, { activityId });
    });
  });

  describe('when published, cancelling the activity', () => {
    it('names everyone to notify; it takes no registration afterwards', () => {
      const cancellation: CommunityActivityEvent = {
        type: 'CommunityActivityCancelled',
        data: {
          ...ids,
          reason: 'weather',
          attendeesToNotify: [resident(1), resident(2), resident(5), resident(3), resident(4)],
          cancelledAt: t,
        },
      };
      spec(decider)
        .given(full)
        .when({ type: 'CancelCommunityActivity', reason: 'weather', ...on })
        .then([cancellation]);
      spec(decider)
        .given([...full, cancellation])
        .when(register(7))
        .thenThrows(CommunityActivityTransitionNotAllowed, { currentState: 'cancelled' });
    });
  });

  describe('when published, check-in', () => {
    it('checks the whole party in, by code or by staff', () => {
      spec(decider)
        .given(full)
        .when(checkIn(1))
        .then([checkedIn(1, 2)]);
      spec(decider)
        .given(full)
        .when({ ...checkIn(2), method: 'staff' } as CommunityActivityCommand)
        .then([checkedIn(2, 1, 'staff')]);
    });

    it('is single-use: a second scan is refused and counts nothing', () => {
      spec(decider)
        .given([...full, checkedIn(1, 2)])
        .when(checkIn(1))
        .thenThrows(AlreadyCheckedIn, { registrationId: reg(1), checkedInAt: '2026-05-10T10:30:00.000Z' });
    });

    it('opens two hours before the start', () => {
      spec(decider)
        .given(full)
        .when(checkIn(1, at('2026-05-10T08:59:59.000Z')))
        .thenThrows(NotAllowedAtThisTime);
      spec(decider)
        .given(full)
        .when(checkIn(1, at('2026-05-10T09:00:00.000Z')))
        .then([
          {
            ...checkedIn(1, 2),
            data: { ...checkedIn(1, 2).data, checkedInAt: '2026-05-10T09:00:00.000Z' },
          } as CommunityActivityEvent,
        ]);
    });

    it('is refused to someone still waiting for a place', () => {
      spec(decider)
        .given(full)
        .when(checkIn(3))
        .thenThrows(ActivityRegistrationConflict, { currentState: 'waitlisted' });
    });

    it('makes a cancellation impossible', () => {
      spec(decider)
        .given([...full, checkedIn(1, 2)])
        .when(cancelRegistration(1, at('2026-05-10T10:40:00.000Z')))
        .thenThrows(AlreadyCheckedIn, { registrationId: reg(1) });
    });
  });

  describe('when published, closing attendance', () => {
    it('waits for the end', () => {
      spec(decider)
        .given(full)
        .when({ type: 'CloseActivityAttendance', activityId, now: at('2026-05-10T12:59:59.000Z') })
        .thenThrows(NotAllowedAtThisTime, { activityId });
    });

    it('counts confirmed and attending people and records the no-shows', () => {
      spec(decider)
        .given([planned, published, confirmed(1, 2), confirmed(2), checkedIn(1, 2)])
        .when({ type: 'CloseActivityAttendance', activityId, now: afterEnd })
        .then([closed]);
    });
  });

  describe('when held', () => {
    const held = [planned, published, confirmed(1, 2), confirmed(2), checkedIn(1, 2), closed];
    const feedback = (n: number): CommunityActivityCommand => ({
      type: 'GiveActivityFeedback',
      registrationId: reg(n),
      rating: 5,
      commented: true,
      activityId,
      now: afterEnd,
    });
    const given: CommunityActivityEvent = {
      type: 'ActivityFeedbackGiven',
      data: { ...ids, registrationId: reg(1), rating: 5, commented: true, givenAt: afterEnd.toISOString() },
    };

    it('takes feedback from an attendee, once', () => {
      spec(decider).given(held).when(feedback(1)).then([given]);
      spec(decider)
        .given([...held, given])
        .when(feedback(1))
        .thenThrows(FeedbackNotAllowed, { rule: 'feedback was given already' });
    });

    it('takes no feedback from a no-show', () => {
      spec(decider)
        .given(held)
        .when(feedback(2))
        .thenThrows(FeedbackNotAllowed, { rule: 'only attendees give feedback' });
    });

    it('takes photos as references', () => {
      const photoId = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
      const reference = 'oss://cx-community/2026/05/lantern-01.jpg';
      spec(decider)
        .given(held)
        .when({ type: 'AddActivityPhoto', photoId, reference, addedBy: 'cs-2', activityId, now: afterEnd })
        .then([
          {
            type: 'ActivityPhotoAdded',
            data: { ...ids, photoId, reference, addedBy: 'cs-2', addedAt: afterEnd.toISOString() },
          },
        ]);
    });

    it('takes no more check-ins, naming its state', () => {
      spec(decider)
        .given(held)
        .when(checkIn(2, afterEnd))
        .thenThrows(CommunityActivityTransitionNotAllowed, { currentState: 'held' });
    });

    it('keeps when it was published and when attendance closed', () => {
      expect(fold(decider, held)).toMatchObject({ status: 'held', publishedAt: t, closedAt: afterEnd.toISOString() });
    });
  });

  describe('its events', () => {
    it('all match the published JSON Schemas', () => {
      const validator = new EventValidator();
      const events = [...full, cancelled(2, 1, 'confirmed'), offered(3, 1), checkedIn(1, 2), closed];
      for (const [i, event] of events.entries()) {
        expect({ type: event.type, result: validator.validate(envelopeOf(event, i + 1)) }).toEqual({
          type: event.type,
          result: expect.objectContaining({ valid: true }),
        });
      }
    });
  });
});

function envelopeOf(event: CommunityActivityEvent, streamVersion: number) {
  return {
    id: '6a1f7c1e-2b1d-4f3a-9a0e-1c2d3e4f5a6b',
    type: event.type,
    schemaVersion: 1,
    streamId: activityId,
    streamType: 'CommunityActivity',
    streamVersion,
    position: String(streamVersion),
    occurredAt: t,
    correlationId: 'c-1',
    causationId: null,
    actor: { type: 'user', id: 'cs-1' },
    data: event.data,
  };
}
