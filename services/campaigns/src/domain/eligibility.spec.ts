import { eligibilityFor, eligibleOn } from './eligibility';

// The 2021 "Six Ones" campaign ran through the year.
const period = { periodStart: '2021-01-01', periodEnd: '2021-12-31' };
const employed = (employedFrom: string, employedUntil: string | null = null) => ({ employedFrom, employedUntil });

describe('eligibility for a campaign', () => {
  it('counts someone employed throughout, for the whole period', () => {
    expect(eligibilityFor(employed('2015-06-01'), period)).toEqual({
      eligible: true,
      from: '2021-01-01',
      until: '2021-12-31',
    });
  });

  it('does not count someone who left before the campaign opened', () => {
    expect(eligibilityFor(employed('2015-06-01', '2020-12-31'), period)).toEqual({
      eligible: false,
      reason: 'left_before_the_campaign',
    });
  });

  it('counts someone whose last day is the first day of the campaign, for that day', () => {
    expect(eligibilityFor(employed('2015-06-01', '2021-01-01'), period)).toEqual({
      eligible: true,
      from: '2021-01-01',
      until: '2021-01-01',
    });
  });

  it('counts someone who joined during the campaign from the joining date', () => {
    expect(eligibilityFor(employed('2021-07-15'), period)).toEqual({
      eligible: true,
      from: '2021-07-15',
      until: '2021-12-31',
    });
  });

  it('counts someone who left during the campaign until the leaving date', () => {
    expect(eligibilityFor(employed('2018-03-01', '2021-04-30'), period)).toEqual({
      eligible: true,
      from: '2021-01-01',
      until: '2021-04-30',
    });
  });

  it('counts someone who joined on the last day, for that day', () => {
    expect(eligibilityFor(employed('2021-12-31'), period)).toMatchObject({ eligible: true, from: '2021-12-31' });
  });

  it('does not count someone who joins after the campaign ended', () => {
    expect(eligibilityFor(employed('2022-01-03'), period)).toEqual({
      eligible: false,
      reason: 'joined_after_the_campaign',
    });
  });

  describe('on a given day', () => {
    const joinedInJuly = eligibilityFor(employed('2021-07-15'), period);

    it('is eligible from the joining date to the end of the period, both inclusive', () => {
      expect(eligibleOn(joinedInJuly, '2021-07-15')).toBe(true);
      expect(eligibleOn(joinedInJuly, '2021-12-31')).toBe(true);
    });

    it('is not eligible before joining, nor after the period', () => {
      expect(eligibleOn(joinedInJuly, '2021-07-14')).toBe(false);
      expect(eligibleOn(joinedInJuly, '2022-01-01')).toBe(false);
    });

    it('is never eligible when not eligible for the campaign', () => {
      expect(eligibleOn(eligibilityFor(employed('2010-01-01', '2020-06-30'), period), '2020-06-30')).toBe(false);
    });
  });
});
