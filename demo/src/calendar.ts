/** Months and days in the group's time zone (China Standard Time, UTC+8, no daylight saving). */
const GROUP_OFFSET_MS = 8 * 3_600_000;

/** `YYYY-MM` of the moment, in group time. */
export function groupMonth(at: Date): string {
  return new Date(at.getTime() + GROUP_OFFSET_MS).toISOString().slice(0, 7);
}

/** The month `delta` months after `month` (`YYYY-MM`). */
export function addMonths(month: string, delta: number): string {
  const [year, index] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year, index - 1 + delta, 1));
  return date.toISOString().slice(0, 7);
}

export function daysIn(month: string): number {
  const [year, index] = month.split('-').map(Number);
  return new Date(Date.UTC(year, index, 0)).getUTCDate();
}

/** `YYYY-MM-DD` of a day of the month. */
export function dayOf(month: string, day: number): string {
  return `${month}-${String(day).padStart(2, '0')}`;
}

/** A group-time timestamp with its offset, as the APIs take it: `2026-05-10T19:00:00+08:00`. */
export function groupTime(month: string, day: number, hour: number, minute = 0): string {
  return `${dayOf(month, day)}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`;
}
