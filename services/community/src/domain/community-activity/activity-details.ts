import { CommunityActivityRuleViolated } from './community-activity.errors';
import type { CommunityActivityDetailsV1 } from './community-activity.events';

const ms = (iso: string) => Date.parse(iso);

/** The rules every planned or changed activity keeps, each refused naming its field. */
export function requireSoundDetails(activityId: string, details: CommunityActivityDetailsV1, now: Date): void {
  const refuse = (field: string, rule: string) => {
    throw new CommunityActivityRuleViolated(activityId, field, rule);
  };
  if (ms(details.startsAt) <= now.getTime()) refuse('startsAt', 'must be in the future');
  if (ms(details.endsAt) <= ms(details.startsAt)) refuse('endsAt', 'must be after startsAt');
  if (ms(details.registrationClosesAt) <= ms(details.registrationOpensAt)) {
    refuse('registrationClosesAt', 'must be after registrationOpensAt');
  }
  if (ms(details.registrationClosesAt) > ms(details.startsAt)) {
    refuse('registrationClosesAt', 'must not be after startsAt');
  }
  if (details.maxPartySize > details.capacity) refuse('maxPartySize', 'must not be above capacity');
}

/**
 * The fields whose value differs from what the activity has; the same values again are no change. Times arrive
 * as `toISOString()` (the handler normalises them), so equal instants are equal strings.
 */
export function changedFields(
  current: CommunityActivityDetailsV1,
  changes: Partial<CommunityActivityDetailsV1>,
): Partial<CommunityActivityDetailsV1> {
  return Object.fromEntries(
    Object.entries(changes).filter(
      ([field, value]) =>
        value !== undefined &&
        JSON.stringify(current[field as keyof CommunityActivityDetailsV1]) !== JSON.stringify(value),
    ),
  );
}
