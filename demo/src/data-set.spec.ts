import { planDataSet, PROJECTS, REGIONS } from './data-set';
import { SeededRandom } from './random';

describe('the demo data set', () => {
  const settings = { seed: 'demo', scale: 'full', month: '2026-05' } as const;

  it('is the same for the same seed and month, and another for another seed', () => {
    expect(planDataSet(settings)).toEqual(planDataSet({ ...settings }));
    expect(planDataSet({ ...settings, seed: 'other' }).complaints).not.toEqual(planDataSet(settings).complaints);
  });

  it('gives every create an Idempotency-Key of its own, made of the seed and the item', () => {
    const data = planDataSet(settings);
    const keys = [
      ...data.customers.map((c) => c.key),
      ...data.complaints.map((c) => c.key),
      ...data.reviews.map((r) => r.key),
      data.campaign.key,
      ...data.campaign.uploads.map((u) => u.key),
      data.survey.questionnaireKey,
      data.survey.waveKey,
      ...data.communityActivities.flatMap((a) => [a.key, ...a.registrations.map((r) => r.key)]),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^cx-demo\.demo\.[\x21-\x7e]{1,200}$/);
  });

  it('has a dozen projects in four regions, a few hundred complaints and a roster of thousands', () => {
    const data = planDataSet(settings);
    expect({ projects: PROJECTS.length, regions: REGIONS.length }).toEqual({ projects: 12, regions: 4 });
    expect(data.complaints.length).toBe(320);
    expect(
      data.complaints.filter((c) => c.journey.escalateTo === 'ceo_office' || c.channel === 'ceo_direct').length,
    ).toBeGreaterThan(10);
    expect(data.campaign.roster.length).toBe(3000);
    expect(new Set(data.customers.map((c) => c.phone)).size).toBe(data.customers.length);
  });

  it('dates last month for the campaign and the survey, next month for community activities', () => {
    const data = planDataSet(settings);
    expect([data.campaign.periodStart, data.campaign.periodEnd, data.survey.period]).toEqual([
      '2026-04-01',
      '2026-04-30',
      '2026-04',
    ]);
    const activityDates = data.campaign.uploads.flatMap((u) => u.activities.map((a) => a.date));
    expect(activityDates.every((d) => d >= '2026-04-01' && d <= '2026-04-30')).toBe(true);
    for (const activity of data.communityActivities) {
      expect(activity.startsAt.startsWith('2026-06-')).toBe(true);
      expect(activity.registrationOpensAt <= activity.registrationClosesAt).toBe(true);
    }
  });
});

describe('the seeded generator', () => {
  it('draws the same sequence for the same seed and stream, another for another stream', () => {
    const draw = (stream: string) => {
      const random = new SeededRandom('seed', stream);
      return Array.from({ length: 5 }, () => random.next());
    };
    expect(draw('a')).toEqual(draw('a'));
    expect(draw('a')).not.toEqual(draw('b'));
    expect(draw('a').every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
