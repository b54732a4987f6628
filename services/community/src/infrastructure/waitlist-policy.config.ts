import type { WaitlistPolicy } from '../domain/community-activity/community-activity.decider';

export const WAITLIST_POLICY = Symbol('WAITLIST_POLICY');
export const WAITLIST_OFFER_CHECK_INTERVAL = Symbol('WAITLIST_OFFER_CHECK_INTERVAL');

/** `WAITLIST_OFFER_HOLD_HOURS` (default 24): how long an offer holds its places. Not a positive number stops the start. */
export function loadWaitlistPolicy(env: NodeJS.ProcessEnv = process.env): WaitlistPolicy {
  const hours = Number(env.WAITLIST_OFFER_HOLD_HOURS ?? 24);
  if (!(Number.isFinite(hours) && hours > 0)) {
    throw new Error(`WAITLIST_OFFER_HOLD_HOURS "${env.WAITLIST_OFFER_HOLD_HOURS}" must be a positive number of hours`);
  }
  return { offerHoldMs: Math.round(hours * 3_600_000) };
}
