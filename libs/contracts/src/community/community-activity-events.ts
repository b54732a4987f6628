import { ORG_CODE_PATTERN } from '../complaints/complaint-vocabulary';
import { SUBJECT_ID_PATTERN } from '../subject-id';
import {
  ACTIVE_REGISTRATION_STATUSES,
  ACTIVITY_CANCELLATION_REASONS,
  ACTIVITY_CAPACITY_MAX,
  ACTIVITY_TITLE_MAX_LENGTH,
  ActiveRegistrationStatus,
  ActivityCancellationReason,
  AGE_GROUPS,
  AgeGroup,
  CHECK_IN_METHODS,
  CheckInMethod,
  COMMUNITY_ACTIVITY_CATEGORIES,
  CommunityActivityCategory,
  PARTY_SIZE_MAX,
  PHOTO_REFERENCE_PATTERN,
  RATING_MAX,
  RATING_MIN,
  VENUE_MAX_LENGTH,
} from './community-vocabulary';

/** What staff plan and may change: every field of an activity except its community. */
export interface CommunityActivityDetailsV1 {
  title: string;
  category: CommunityActivityCategory;
  ageGroups: AgeGroup[];
  venue: string;
  startsAt: string;
  endsAt: string;
  /** Places, counted in people: a registration takes as many as its party size. */
  capacity: number;
  /** The largest party one resident may register, themselves included. */
  maxPartySize: number;
  registrationOpensAt: string;
  registrationClosesAt: string;
}

/**
 * Events of the CommunityActivity stream, version 1, published on the community topic (key = activity id).
 * Registrations live in their activity's stream, so that capacity is decided in one place. Every event names
 * its activity and community; residents are subject ids, staff user ids. No free text from residents: feedback
 * comments stay in the community database.
 */
export interface OnCommunityActivity {
  activityId: string;
  /** The community's project code, e.g. `SH-PUDONG-07`. */
  community: string;
}

export interface CommunityActivityPlannedV1 extends OnCommunityActivity, CommunityActivityDetailsV1 {
  plannedBy: string;
  plannedAt: string;
}
export interface CommunityActivityPublishedV1 extends OnCommunityActivity {
  publishedAt: string;
}
/** Only the fields that changed; `attendeesToNotify` are the residents holding or waiting for a place. */
export interface CommunityActivityChangedV1 extends OnCommunityActivity {
  changes: Partial<CommunityActivityDetailsV1>;
  attendeesToNotify: string[];
  changedAt: string;
}
export interface CommunityActivityCancelledV1 extends OnCommunityActivity {
  reason: ActivityCancellationReason;
  attendeesToNotify: string[];
  cancelledAt: string;
}
/** After the end: who came, and the confirmed registrations that did not (no-shows). */
export interface CommunityActivityAttendanceClosedV1 extends OnCommunityActivity {
  registeredPeople: number;
  attendedPeople: number;
  noShows: string[];
  closedAt: string;
}

export interface OnActivityRegistration extends OnCommunityActivity {
  registrationId: string;
  residentId: string;
  partySize: number;
}

export interface ActivityRegistrationConfirmedV1 extends OnActivityRegistration {
  confirmedAt: string;
}
/** No place free (or others already waiting): in line with a number that only grows, the order of arrival. */
export interface ActivityRegistrationWaitlistedV1 extends OnActivityRegistration {
  waitlistNumber: number;
  waitlistedAt: string;
}
/** A place held for the first in line until `expiresAt`; not accepted by then, it passes to the next. */
export interface WaitlistPlaceOfferedV1 extends OnActivityRegistration {
  offeredAt: string;
  expiresAt: string;
}
export interface WaitlistOfferAcceptedV1 extends OnActivityRegistration {
  acceptedAt: string;
}
export interface WaitlistOfferExpiredV1 extends OnActivityRegistration {
  expiredAt: string;
}
export interface ActivityRegistrationCancelledV1 extends OnActivityRegistration {
  previousStatus: ActiveRegistrationStatus;
  cancelledAt: string;
}
/** The whole party is checked in at once. */
export interface ActivityAttendeeCheckedInV1 extends OnActivityRegistration {
  method: CheckInMethod;
  checkedInBy: string;
  checkedInAt: string;
}
export interface ActivityFeedbackGivenV1 extends OnCommunityActivity {
  registrationId: string;
  rating: number;
  /** Whether a comment came with the rating; its text stays in the community database. */
  commented: boolean;
  givenAt: string;
}
export interface ActivityPhotoAddedV1 extends OnCommunityActivity {
  photoId: string;
  reference: string;
  addedBy: string;
  addedAt: string;
}

export type CommunityActivityEvent =
  | { type: 'CommunityActivityPlanned'; data: CommunityActivityPlannedV1 }
  | { type: 'CommunityActivityPublished'; data: CommunityActivityPublishedV1 }
  | { type: 'CommunityActivityChanged'; data: CommunityActivityChangedV1 }
  | { type: 'CommunityActivityCancelled'; data: CommunityActivityCancelledV1 }
  | { type: 'CommunityActivityAttendanceClosed'; data: CommunityActivityAttendanceClosedV1 }
  | { type: 'ActivityRegistrationConfirmed'; data: ActivityRegistrationConfirmedV1 }
  | { type: 'ActivityRegistrationWaitlisted'; data: ActivityRegistrationWaitlistedV1 }
  | { type: 'WaitlistPlaceOffered'; data: WaitlistPlaceOfferedV1 }
  | { type: 'WaitlistOfferAccepted'; data: WaitlistOfferAcceptedV1 }
  | { type: 'WaitlistOfferExpired'; data: WaitlistOfferExpiredV1 }
  | { type: 'ActivityRegistrationCancelled'; data: ActivityRegistrationCancelledV1 }
  | { type: 'ActivityAttendeeCheckedIn'; data: ActivityAttendeeCheckedInV1 }
  | { type: 'ActivityFeedbackGiven'; data: ActivityFeedbackGivenV1 }
  | { type: 'ActivityPhotoAdded'; data: ActivityPhotoAddedV1 };

export const COMMUNITY_ACTIVITY_STREAM_TYPE = 'CommunityActivity';

const uuid = { type: 'string', format: 'uuid' } as const;
const timestamp = { type: 'string', format: 'date-time' } as const;
const residentId = { type: 'string', pattern: SUBJECT_ID_PATTERN } as const;
/** Staff are referred to by their opaque user id (the token's `sub`), as actors are. */
const staffId = { type: 'string', minLength: 1, maxLength: 128 } as const;
const people = { type: 'integer', minimum: 0 } as const;
const attendees = { type: 'array', uniqueItems: true, items: residentId } as const;

const details = {
  title: { type: 'string', minLength: 1, maxLength: ACTIVITY_TITLE_MAX_LENGTH },
  category: { enum: COMMUNITY_ACTIVITY_CATEGORIES },
  ageGroups: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: AGE_GROUPS } },
  venue: { type: 'string', minLength: 1, maxLength: VENUE_MAX_LENGTH },
  startsAt: timestamp,
  endsAt: timestamp,
  capacity: { type: 'integer', minimum: 1, maximum: ACTIVITY_CAPACITY_MAX },
  maxPartySize: { type: 'integer', minimum: 1, maximum: PARTY_SIZE_MAX },
  registrationOpensAt: timestamp,
  registrationClosesAt: timestamp,
} as const;

function schema(title: string, description: string, properties: Record<string, object>) {
  return {
    title,
    description,
    type: 'object',
    additionalProperties: false,
    required: ['activityId', 'community', ...Object.keys(properties)],
    properties: { activityId: uuid, community: { type: 'string', pattern: ORG_CODE_PATTERN }, ...properties },
  } as const;
}

const registration = (properties: Record<string, object>) => ({
  registrationId: uuid,
  residentId,
  partySize: { type: 'integer', minimum: 1, maximum: PARTY_SIZE_MAX },
  ...properties,
});

export const communityActivityEventSchemas = {
  CommunityActivityPlanned: {
    1: schema('CommunityActivityPlanned', 'Staff planned an activity for a community (draft, not open to residents).', {
      ...details,
      plannedBy: staffId,
      plannedAt: timestamp,
    }),
  },
  CommunityActivityPublished: {
    1: schema('CommunityActivityPublished', 'The activity is published: residents register in its window.', {
      publishedAt: timestamp,
    }),
  },
  CommunityActivityChanged: {
    1: schema('CommunityActivityChanged', 'Staff changed the activity; the residents named are to be notified.', {
      changes: { type: 'object', additionalProperties: false, minProperties: 1, properties: details },
      attendeesToNotify: attendees,
      changedAt: timestamp,
    }),
  },
  CommunityActivityCancelled: {
    1: schema('CommunityActivityCancelled', 'Staff cancelled the activity; the residents named are to be notified.', {
      reason: { enum: ACTIVITY_CANCELLATION_REASONS },
      attendeesToNotify: attendees,
      cancelledAt: timestamp,
    }),
  },
  CommunityActivityAttendanceClosed: {
    1: schema('CommunityActivityAttendanceClosed', 'After the end: attendance counted, no-shows recorded.', {
      registeredPeople: people,
      attendedPeople: people,
      noShows: { type: 'array', uniqueItems: true, items: uuid },
      closedAt: timestamp,
    }),
  },
  ActivityRegistrationConfirmed: {
    1: schema(
      'ActivityRegistrationConfirmed',
      'A resident registered and got places for their party.',
      registration({ confirmedAt: timestamp }),
    ),
  },
  ActivityRegistrationWaitlisted: {
    1: schema(
      'ActivityRegistrationWaitlisted',
      'A resident registered with no place free: in line, numbered in order of arrival.',
      registration({ waitlistNumber: { type: 'integer', minimum: 1 }, waitlistedAt: timestamp }),
    ),
  },
  WaitlistPlaceOffered: {
    1: schema(
      'WaitlistPlaceOffered',
      'Places freed up: held for the first in line until expiresAt.',
      registration({ offeredAt: timestamp, expiresAt: timestamp }),
    ),
  },
  WaitlistOfferAccepted: {
    1: schema(
      'WaitlistOfferAccepted',
      'The resident accepted the places offered: the registration is confirmed.',
      registration({ acceptedAt: timestamp }),
    ),
  },
  WaitlistOfferExpired: {
    1: schema(
      'WaitlistOfferExpired',
      'The offer was not accepted in time: the places pass to the next in line.',
      registration({ expiredAt: timestamp }),
    ),
  },
  ActivityRegistrationCancelled: {
    1: schema(
      'ActivityRegistrationCancelled',
      'A registration was cancelled; places it held are offered to the next in line in the same decision.',
      registration({ previousStatus: { enum: ACTIVE_REGISTRATION_STATUSES }, cancelledAt: timestamp }),
    ),
  },
  ActivityAttendeeCheckedIn: {
    1: schema(
      'ActivityAttendeeCheckedIn',
      'A registration was checked in, by its single-use code or by staff.',
      registration({ method: { enum: CHECK_IN_METHODS }, checkedInBy: staffId, checkedInAt: timestamp }),
    ),
  },
  ActivityFeedbackGiven: {
    1: schema('ActivityFeedbackGiven', 'An attendee rated the activity; a comment, if any, stays in the service.', {
      registrationId: uuid,
      rating: { type: 'integer', minimum: RATING_MIN, maximum: RATING_MAX },
      commented: { type: 'boolean' },
      givenAt: timestamp,
    }),
  },
  ActivityPhotoAdded: {
    1: schema('ActivityPhotoAdded', 'Staff added a photo of the activity, as a reference to where it is stored.', {
      photoId: uuid,
      reference: { type: 'string', pattern: PHOTO_REFERENCE_PATTERN },
      addedBy: staffId,
      addedAt: timestamp,
    }),
  },
} as const;
