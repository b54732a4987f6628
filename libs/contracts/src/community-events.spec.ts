import { randomUUID } from 'node:crypto';
import type { CareServiceEvent } from './community/care-service-events';
import type { CommunityActivityEvent } from './community/community-activity-events';
import type { CommunityRegisterEvent } from './community/community-register-events';
import { EventValidator } from './event-validator';
import { eventContracts } from './registry';

type CommunityEvent = CommunityRegisterEvent | CommunityActivityEvent | CareServiceEvent;

const community = 'SH-PUDONG-07';
const activityId = '5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const registrationId = '7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2910';
const careServiceId = '2a3b4c5d-6e7f-4081-9a2b-3c4d5e6f7a8b';
const residentId = 'subj_4kT9wQ2mZp7LxR3vB8nC5dYh';
const at = '2026-05-01T02:00:00.000Z';
const onActivity = { activityId, community };
const onRegistration = { ...onActivity, registrationId, residentId, partySize: 2 };
const onCare = { careServiceId, community };
const details = {
  title: 'Lantern Festival riddles in the courtyard',
  category: 'festival',
  ageGroups: ['children', 'adults', 'elderly'],
  venue: 'Block 3 courtyard',
  startsAt: '2026-05-10T11:00:00.000Z',
  endsAt: '2026-05-10T13:00:00.000Z',
  capacity: 50,
  maxPartySize: 4,
  registrationOpensAt: '2026-05-01T00:00:00.000Z',
  registrationClosesAt: '2026-05-09T16:00:00.000Z',
} as const;

/** One valid event of every community type; the compiler asks for a new one when a type is added. */
const samples: { [T in CommunityEvent['type']]: Extract<CommunityEvent, { type: T }>['data'] } = {
  CommunityResidentsRegistered: {
    community,
    residents: [{ residentId, elderlyCare: true }],
    registeredAt: at,
  },
  CommunityActivityPlanned: {
    ...onActivity,
    ...details,
    ageGroups: [...details.ageGroups],
    plannedBy: 'cs-1',
    plannedAt: at,
  },
  CommunityActivityPublished: { ...onActivity, publishedAt: at },
  CommunityActivityChanged: {
    ...onActivity,
    changes: { venue: 'Clubhouse hall' },
    attendeesToNotify: [residentId],
    changedAt: at,
  },
  CommunityActivityCancelled: { ...onActivity, reason: 'weather', attendeesToNotify: [residentId], cancelledAt: at },
  CommunityActivityAttendanceClosed: {
    ...onActivity,
    registeredPeople: 2,
    attendedPeople: 0,
    noShows: [registrationId],
    closedAt: at,
  },
  ActivityRegistrationConfirmed: { ...onRegistration, confirmedAt: at },
  ActivityRegistrationWaitlisted: { ...onRegistration, waitlistNumber: 1, waitlistedAt: at },
  WaitlistPlaceOffered: { ...onRegistration, offeredAt: at, expiresAt: '2026-05-02T02:00:00.000Z' },
  WaitlistOfferAccepted: { ...onRegistration, acceptedAt: at },
  WaitlistOfferExpired: { ...onRegistration, expiredAt: at },
  ActivityRegistrationCancelled: { ...onRegistration, previousStatus: 'confirmed', cancelledAt: at },
  ActivityAttendeeCheckedIn: { ...onRegistration, method: 'code', checkedInBy: 'cs-1', checkedInAt: at },
  ActivityFeedbackGiven: { ...onActivity, registrationId, rating: 5, commented: true, givenAt: at },
  ActivityPhotoAdded: {
    ...onActivity,
    photoId: randomUUID(),
    reference: 'oss://cx-community/2026/05/lantern-01.jpg',
    addedBy: 'cs-1',
    addedAt: at,
  },
  CareServiceRequested: {
    ...onCare,
    residentId,
    serviceKind: 'elderly_check_in',
    recurrence: 'weekly',
    requestedBy: 'cs-1',
    requestedAt: at,
  },
  CareServiceAssigned: { ...onCare, assigneeId: 'cs-2', assignedAt: at },
  CareVisitScheduled: { ...onCare, visitNumber: 1, scheduledFor: '2026-05-03T02:00:00.000Z', scheduledAt: at },
  CareVisitCompleted: { ...onCare, visitNumber: 1, completedBy: 'cs-2', completedAt: at },
  CareVisitRated: { ...onCare, visitNumber: 1, rating: 4, ratedAt: at },
  CareServiceEnded: { ...onCare, reason: 'no_longer_needed', endedAt: at },
};

const communityContracts = eventContracts.filter((c) => c.topic === 'cx.community.events');
const types = communityContracts.map((c) => [c.type, c.streamType] as const);
const validator = new EventValidator();

function envelope(type: string, streamType: string, data: object) {
  return {
    id: randomUUID(),
    type,
    schemaVersion: 1,
    streamId: randomUUID(),
    streamType,
    streamVersion: 1,
    position: '1',
    occurredAt: at,
    correlationId: randomUUID(),
    causationId: null,
    actor: { type: 'user', id: 'cs-1' },
    data,
  };
}
const sample = (type: string) => samples[type as CommunityEvent['type']] as object;

describe('community events', () => {
  it('has a sample of every event type on the community topic, each of one of its three stream types', () => {
    expect(Object.keys(samples).sort()).toEqual(types.map(([type]) => type).sort());
    expect(new Set(types.map(([, streamType]) => streamType))).toEqual(
      new Set(['CommunityRegister', 'CommunityActivity', 'CareService']),
    );
  });

  it.each(types)('accepts a complete %s', (type, streamType) => {
    expect(validator.validate(envelope(type, streamType, sample(type)))).toMatchObject({ valid: true });
  });

  it.each(types)('rejects %s carrying personal data it does not declare', (type, streamType) => {
    const result = validator.validate(envelope(type, streamType, { ...sample(type), phone: '13812345678' }));
    expect(result).toEqual({ valid: false, reason: expect.stringContaining('must NOT have additional properties') });
  });

  it.each([
    ['ActivityRegistrationConfirmed', 'CommunityActivity'],
    ['CareServiceRequested', 'CareService'],
  ])('rejects a name in place of the resident subject id on %s', (type, streamType) => {
    const result = validator.validate(envelope(type, streamType, { ...sample(type), residentId: 'Wang Fang' }));
    expect(result).toMatchObject({ valid: false });
  });

  it('refuses a comment text on feedback and a change that changes nothing', () => {
    const feedback = { ...samples.ActivityFeedbackGiven, comment: 'Lovely, thanks to Ms Li of flat 302' };
    expect(validator.validate(envelope('ActivityFeedbackGiven', 'CommunityActivity', feedback))).toMatchObject({
      valid: false,
    });
    const nothing = { ...samples.CommunityActivityChanged, changes: {} };
    expect(validator.validate(envelope('CommunityActivityChanged', 'CommunityActivity', nothing))).toMatchObject({
      valid: false,
    });
  });
});
