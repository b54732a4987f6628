/**
 * The group works in China Standard Time (UTC+8, no daylight saving): campaign periods, employment dates and
 * activity dates are calendar dates (YYYY-MM-DD) there.
 */
const GROUP_UTC_OFFSET_MINUTES = 480;

/** Today where the group works, at the instant `now`. */
export function groupToday(now: Date): string {
  return new Date(now.getTime() + GROUP_UTC_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}
