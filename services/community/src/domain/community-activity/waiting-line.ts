import type { ActiveRegistrationStatus, WaitlistPlaceOfferedV1 } from '@cx/contracts';
import type { ActivityRegistration, Planned } from './community-activity.state';

const ACTIVE: readonly string[] = ['confirmed', 'offered', 'waitlisted'] satisfies ActiveRegistrationStatus[];

/** Holds places (confirmed, offered) or waits for them (waitlisted). */
export const isActive = (r: ActivityRegistration): boolean => ACTIVE.includes(r.status);

/** Places are counted in people: a registration takes its whole party's. Offers hold theirs until they lapse. */
export function placesTaken(activity: Planned): { confirmed: number; offered: number } {
  const sum = (status: string) =>
    activity.registrations.filter((r) => r.status === status).reduce((n, r) => n + r.partySize, 0);
  return { confirmed: sum('confirmed'), offered: sum('offered') };
}

/** Who waits, first in line first: by the number each got on arrival. */
export function waitingLine(activity: Planned): ActivityRegistration[] {
  return activity.registrations
    .filter((r) => r.status === 'waitlisted')
    .sort((a, b) => (a.waitlistNumber ?? 0) - (b.waitlistNumber ?? 0));
}

/** The residents holding or waiting for places: whom a change or a cancellation is to be notified to. */
export function attendeesToNotify(activity: Planned): string[] {
  return [...new Set(activity.registrations.filter(isActive).map((r) => r.residentId))];
}

/**
 * Free places go to the line in order, never overtaking: when the first party does not fit, those behind it
 * wait too. Each offer holds its places for `holdMs`, never past the start; once the activity has started
 * nothing is offered.
 */
export function offersOfFreePlaces(
  activity: Planned,
  now: Date,
  holdMs: number,
): { type: 'WaitlistPlaceOffered'; data: WaitlistPlaceOfferedV1 }[] {
  const startsAt = Date.parse(activity.details.startsAt);
  if (now.getTime() >= startsAt) return [];
  const { confirmed, offered } = placesTaken(activity);
  let free = activity.details.capacity - confirmed - offered;
  const expiresAt = new Date(Math.min(now.getTime() + holdMs, startsAt)).toISOString();
  const offers: { type: 'WaitlistPlaceOffered'; data: WaitlistPlaceOfferedV1 }[] = [];
  for (const r of waitingLine(activity)) {
    if (r.partySize > free) break;
    free -= r.partySize;
    offers.push({
      type: 'WaitlistPlaceOffered',
      data: {
        activityId: activity.activityId,
        community: activity.community,
        registrationId: r.registrationId,
        residentId: r.residentId,
        partySize: r.partySize,
        offeredAt: now.toISOString(),
        expiresAt,
      },
    });
  }
  return offers;
}
