import type { CareRecurrence } from '@cx/contracts';

const DAY = 86_400_000;
/** Calendar months are the group's (China Standard Time, UTC+8, no daylight saving). */
const GROUP_OFFSET = 8 * 3_600_000;

/** The time `periods` recurrences after `first`; monthly keeps the day of the month, or the month's last day. */
export function afterPeriods(first: Date, recurrence: CareRecurrence, periods: number): Date {
  if (recurrence === 'weekly') return new Date(first.getTime() + periods * 7 * DAY);
  if (recurrence === 'fortnightly') return new Date(first.getTime() + periods * 14 * DAY);
  const local = new Date(first.getTime() + GROUP_OFFSET);
  const month = local.getUTCMonth() + periods;
  const lastDay = new Date(Date.UTC(local.getUTCFullYear(), month + 1, 0)).getUTCDate();
  local.setUTCFullYear(local.getUTCFullYear(), month, Math.min(local.getUTCDate(), lastDay));
  return new Date(local.getTime() - GROUP_OFFSET);
}

/**
 * When the visit after visit `completed` falls: counted from the first visit, so that the cadence never drifts,
 * and the first such time after `now` (a visit completed late does not book one already past).
 */
export function nextVisitTime(firstVisit: string, recurrence: CareRecurrence, completed: number, now: Date): string {
  let periods = completed;
  let next = afterPeriods(new Date(firstVisit), recurrence, periods);
  while (next.getTime() <= now.getTime()) next = afterPeriods(new Date(firstVisit), recurrence, ++periods);
  return next.toISOString();
}
