import { addWorkingTime, BusinessCalendar, workingTimeBetween } from './business-calendar';

const calendar: BusinessCalendar = {
  utcOffsetMinutes: 480,
  workdays: [1, 2, 3, 4, 5],
  dayStart: '09:00',
  dayEnd: '18:00',
  holidays: ['2026-10-01'],
  workingWeekends: ['2026-10-10'],
};
const beijing = (local: string) => new Date(`${local}+08:00`);
const HOUR = 3_600_000;

describe('business calendar (Beijing time, Mon-Fri 09:00-18:00)', () => {
  it('adds working time within a day', () => {
    expect(addWorkingTime(beijing('2026-11-25T10:00:00'), 2 * HOUR, calendar)).toEqual(beijing('2026-11-25T12:00:00'));
  });

  it('starts counting at opening time when filed before it', () => {
    expect(addWorkingTime(beijing('2026-11-25T07:30:00'), HOUR, calendar)).toEqual(beijing('2026-11-25T10:00:00'));
  });

  it('carries over the evening to the next working morning', () => {
    expect(addWorkingTime(beijing('2026-11-25T17:00:00'), 2 * HOUR, calendar)).toEqual(beijing('2026-11-26T10:00:00'));
  });

  it('skips the weekend: Friday 17:00 + 2h = Monday 10:00', () => {
    expect(addWorkingTime(beijing('2026-11-27T17:00:00'), 2 * HOUR, calendar)).toEqual(beijing('2026-11-30T10:00:00'));
  });

  it('skips public holidays and counts make-up working Saturdays', () => {
    expect(addWorkingTime(beijing('2026-09-30T17:00:00'), 2 * HOUR, calendar)).toEqual(beijing('2026-10-02T10:00:00'));
    expect(addWorkingTime(beijing('2026-10-09T17:00:00'), 2 * HOUR, calendar)).toEqual(beijing('2026-10-10T10:00:00'));
  });

  it('measures working time between instants across nights and weekends', () => {
    expect(workingTimeBetween(beijing('2026-11-27T17:00:00'), beijing('2026-11-30T10:00:00'), calendar)).toBe(2 * HOUR);
    expect(workingTimeBetween(beijing('2026-11-28T10:00:00'), beijing('2026-11-29T10:00:00'), calendar)).toBe(0);
    expect(workingTimeBetween(beijing('2026-11-26T10:00:00'), beijing('2026-11-25T10:00:00'), calendar)).toBe(0);
  });

  it('is the inverse of adding working time', () => {
    const start = beijing('2026-11-25T16:20:00');
    for (const hours of [0.5, 3, 9, 27, 45]) {
      expect(workingTimeBetween(start, addWorkingTime(start, hours * HOUR, calendar), calendar)).toBe(hours * HOUR);
    }
  });
});
