import type { ActivityCancellationReason } from '@cx/contracts';
import type { CommunityActivityDetailsV1 } from './community-activity.events';

/**
 * confirmed: has places (directly, or by accepting an offer); offered: places held until `offerExpiresAt`;
 * waitlisted: in line by `waitlistNumber`; cancelled and offer_expired: gave up, or let the offer lapse.
 */
export type RegistrationStatus = 'confirmed' | 'offered' | 'waitlisted' | 'cancelled' | 'offer_expired';

export interface ActivityRegistration {
  registrationId: string;
  residentId: string;
  partySize: number;
  status: RegistrationStatus;
  /** Kept once given: it records the order in which the resident arrived in the line. */
  waitlistNumber: number | null;
  offerExpiresAt: string | null;
  checkedInAt: string | null;
  feedbackGiven: boolean;
}

export interface ActivityPhoto {
  photoId: string;
  reference: string;
}

/** What every planned activity has, whatever its status. Registrations in the order they were made. */
export interface Planned {
  activityId: string;
  community: string;
  details: CommunityActivityDetailsV1;
  plannedAt: string;
  registrations: ActivityRegistration[];
  lastWaitlistNumber: number;
  photos: ActivityPhoto[];
}

/**
 * not_planned → draft → published → held (attendance closed after the end); draft or published → cancelled.
 * A union on status: a published or held activity always has its publication time, and the compiler checks it.
 */
export type CommunityActivityState =
  | { status: 'not_planned' }
  | ({ status: 'draft' } & Planned)
  | ({ status: 'published'; publishedAt: string } & Planned)
  | ({
      status: 'cancelled';
      publishedAt: string | null;
      cancelledAt: string;
      cancellationReason: ActivityCancellationReason;
    } & Planned)
  | ({ status: 'held'; publishedAt: string; closedAt: string } & Planned);

export type CommunityActivityStatus = CommunityActivityState['status'];
export type PlannedActivity = Exclude<CommunityActivityState, { status: 'not_planned' }>;
