/** The "37°C Community" vocabulary shared by the community service, its consumers and its API. */

/** What a community activity is about; the reports count activities by it. */
export const COMMUNITY_ACTIVITY_CATEGORIES = [
  'festival',
  'health',
  'children',
  'elderly',
  'neighbourhood_co_building',
  'culture',
  'sports',
  'volunteer',
] as const;
export type CommunityActivityCategory = (typeof COMMUNITY_ACTIVITY_CATEGORIES)[number];

/** Who an activity is meant for: infants (0-2), children (3-12), teenagers (13-17), adults (18-59), elderly (60+). */
export const AGE_GROUPS = ['infants', 'children', 'teenagers', 'adults', 'elderly'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

/** Why staff cancel an activity: a reason code, never free text (it reaches every attendee's notification). */
export const ACTIVITY_CANCELLATION_REASONS = [
  'weather',
  'venue_unavailable',
  'too_few_registrations',
  'safety',
  'organiser_unavailable',
  'other',
] as const;
export type ActivityCancellationReason = (typeof ACTIVITY_CANCELLATION_REASONS)[number];

/** How an attendee was checked in: by the single-use code (QR or typed) or by staff from the list. */
export const CHECK_IN_METHODS = ['code', 'staff'] as const;
export type CheckInMethod = (typeof CHECK_IN_METHODS)[number];

/** Where a registration stood when it was cancelled: each of them holds or waits for places. */
export const ACTIVE_REGISTRATION_STATUSES = ['confirmed', 'offered', 'waitlisted'] as const;
export type ActiveRegistrationStatus = (typeof ACTIVE_REGISTRATION_STATUSES)[number];

/** Activity titles and venues are staff text about the activity: no personal data (they travel in events). */
export const ACTIVITY_TITLE_MAX_LENGTH = 120;
export const VENUE_MAX_LENGTH = 200;
/** Places of one activity, counted in people. */
export const ACTIVITY_CAPACITY_MAX = 10_000;
/** The largest party any activity may let one resident register (themselves included). */
export const PARTY_SIZE_MAX = 10;

/** Feedback and care ratings: 1 (very dissatisfied) to 5 (very satisfied). */
export const RATING_MIN = 1;
export const RATING_MAX = 5;
/** A resident's feedback comment: kept in the community database, never in an event. */
export const FEEDBACK_COMMENT_MAX_LENGTH = 1000;

/** A photo is a reference to where it is stored (e.g. `oss://cx-community/2026/05/lantern-01.jpg`), not the image. */
export const PHOTO_REFERENCE_PATTERN = '^[a-z][a-z0-9+.-]*://\\S{1,480}$';

/** "Love Care": services that look after residents through the stages of life. */
export const CARE_SERVICE_KINDS = [
  'newborn_visit',
  'elderly_check_in',
  'accessibility_help',
  'moving_in_assistance',
] as const;
export type CareServiceKind = (typeof CARE_SERVICE_KINDS)[number];

/** The kinds that may recur, for residents on the elderly care register. */
export const RECURRING_CARE_SERVICE_KINDS = [
  'elderly_check_in',
  'accessibility_help',
] as const satisfies readonly CareServiceKind[];

export const CARE_RECURRENCES = ['weekly', 'fortnightly', 'monthly'] as const;
export type CareRecurrence = (typeof CARE_RECURRENCES)[number];

/** Why a care service ended before (or, recurring, instead of) completion. */
export const CARE_SERVICE_END_REASONS = ['no_longer_needed', 'resident_declined', 'moved_away', 'other'] as const;
export type CareServiceEndReason = (typeof CARE_SERVICE_END_REASONS)[number];

/** Residents registered by one request (and so in one event), far below the broker's message limit. */
export const RESIDENTS_PER_REGISTRATION = 500;
