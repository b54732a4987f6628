/**
 * Working time in the group's time zone. China has no daylight saving, so a fixed UTC offset is exact.
 * All arithmetic is in milliseconds on "local" instants (UTC instant + offset), read with UTC getters.
 */
export interface BusinessCalendar {
  utcOffsetMinutes: number;
  /** ISO weekdays that are working days: 1 = Monday … 7 = Sunday. */
  workdays: number[];
  /** Working hours, local "HH:MM". */
  dayStart: string;
  dayEnd: string;
  /** Local dates ("YYYY-MM-DD") that are not working days. */
  holidays: string[];
  /** Local dates that are working days although they fall on a weekend (make-up working days). */
  workingWeekends?: string[];
}

export type HoursMode = 'business' | 'calendar';

const DAY = 86_400_000;
const MAX_DAYS = 3_660;

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

function dayInfo(localDayStartMs: number, calendar: BusinessCalendar) {
  const date = new Date(localDayStartMs).toISOString().slice(0, 10);
  const isoWeekday = ((new Date(localDayStartMs).getUTCDay() + 6) % 7) + 1;
  const working =
    (calendar.workingWeekends ?? []).includes(date) ||
    (calendar.workdays.includes(isoWeekday) && !calendar.holidays.includes(date));
  return {
    working,
    open: localDayStartMs + minutesOf(calendar.dayStart) * 60_000,
    close: localDayStartMs + minutesOf(calendar.dayEnd) * 60_000,
  };
}

/** The instant when `ms` of working time have passed after `start`. */
export function addWorkingTime(start: Date, ms: number, calendar: BusinessCalendar): Date {
  const offset = calendar.utcOffsetMinutes * 60_000;
  let t = start.getTime() + offset;
  let remaining = ms;
  for (let i = 0; i < MAX_DAYS; i++) {
    const dayStart = Math.floor(t / DAY) * DAY;
    const { working, open, close } = dayInfo(dayStart, calendar);
    if (working && t < close) {
      const from = Math.max(t, open);
      if (remaining <= close - from) return new Date(from + remaining - offset);
      remaining -= close - from;
    }
    t = dayStart + DAY;
  }
  throw new Error('working time does not fit in ten years: check the business calendar');
}

/** Working time between two instants (0 if `to` is not after `from`). */
export function workingTimeBetween(from: Date, to: Date, calendar: BusinessCalendar): number {
  const offset = calendar.utcOffsetMinutes * 60_000;
  const end = to.getTime() + offset;
  let t = from.getTime() + offset;
  let total = 0;
  for (let i = 0; i < MAX_DAYS && t < end; i++) {
    const dayStart = Math.floor(t / DAY) * DAY;
    const { working, open, close } = dayInfo(dayStart, calendar);
    if (working) total += Math.max(0, Math.min(close, end) - Math.max(open, t));
    t = dayStart + DAY;
  }
  return total;
}

export function addTime(start: Date, ms: number, mode: HoursMode, calendar: BusinessCalendar): Date {
  return mode === 'calendar' ? new Date(start.getTime() + ms) : addWorkingTime(start, ms, calendar);
}

export function timeBetween(from: Date, to: Date, mode: HoursMode, calendar: BusinessCalendar): number {
  return mode === 'calendar' ? Math.max(0, to.getTime() - from.getTime()) : workingTimeBetween(from, to, calendar);
}
