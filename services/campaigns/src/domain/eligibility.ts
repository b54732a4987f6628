/**
 * Who counts in a campaign's participation rates (README, "Eligibility"). Pure and shared: the campaigns
 * service checks activities with it, and the participation-rate projections count eligible people with it.
 * All dates are calendar dates (YYYY-MM-DD), both ends inclusive, so they compare as strings.
 */

/** Employment as HR states it; `employedUntil` is the last day employed, null while still employed. */
export interface Employment {
  employedFrom: string;
  employedUntil: string | null;
}

export interface CampaignPeriod {
  periodStart: string;
  periodEnd: string;
}

export type Eligibility =
  | { eligible: true; from: string; until: string }
  | { eligible: false; reason: 'left_before_the_campaign' | 'joined_after_the_campaign' };

/**
 * A person is eligible when their employment overlaps the campaign period: who left before the period
 * started is not, nor who joins after it ended; who joins during it is eligible from the joining date, and
 * who leaves during it until the leaving date.
 */
export function eligibilityFor(employment: Employment, period: CampaignPeriod): Eligibility {
  if (employment.employedUntil !== null && employment.employedUntil < period.periodStart) {
    return { eligible: false, reason: 'left_before_the_campaign' };
  }
  if (employment.employedFrom > period.periodEnd) return { eligible: false, reason: 'joined_after_the_campaign' };
  const from = employment.employedFrom > period.periodStart ? employment.employedFrom : period.periodStart;
  const until =
    employment.employedUntil !== null && employment.employedUntil < period.periodEnd
      ? employment.employedUntil
      : period.periodEnd;
  return { eligible: true, from, until };
}

/** Whether a day falls inside the eligible part of the campaign. */
export function eligibleOn(eligibility: Eligibility, date: string): boolean {
  return eligibility.eligible && eligibility.from <= date && date <= eligibility.until;
}
