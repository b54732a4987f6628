/** A wave's period is a month in the group's time zone (China Standard Time), written YYYY-MM. */

/** The month `months` before `period`: monthsBefore('2026-02', 6) is '2025-08'. */
export function monthsBefore(period: string, months: number): string {
  const [year, month] = period.split('-').map(Number);
  const index = year * 12 + (month - 1) - months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}
