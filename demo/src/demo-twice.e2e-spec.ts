import { ServiceName } from './api-client';
import { groupMonth } from './calendar';
import { DemoSettings, planDataSet } from './data-set';
import { DemoServices, startDemoServices } from './demo-services.support';
import { DemoSummary, loadDemo } from './load-demo';
import { silentProgress } from './progress';

/**
 * The loader run twice, with the same seed, against every service as a real process (test databases, a topic
 * namespace of its own): the second run replays every Idempotency-Key and takes no step, and what the REST
 * reports count after it is what they counted after the first.
 */
describe('npm run demo, run twice', () => {
  let services: DemoServices;
  const settings: DemoSettings = { seed: 'twice', scale: 'small', month: groupMonth(new Date()) };

  beforeAll(async () => {
    services = await startDemoServices(`t${Date.now().toString(36)}demo`);
  }, 300_000);

  afterAll(async () => {
    await services?.stop();
  });

  /** What the REST reports and queries count: the projections' views and the services' own. */
  async function counts(summary: DemoSummary) {
    const as = { sub: 'demo-test', name: 'Demo test', roles: ['ceo_office', 'campaign_admin', 'admin'] } as const;
    const get = async <T = Record<string, unknown>>(service: ServiceName, path: string) =>
      (await services.api.call<T>(service, 'GET', path, { as: { ...as, roles: [...as.roles] } })).body;
    type Ceo = { received: number; open: { total: number; byLevel: Record<string, number> } };
    const ceo = await get<Ceo>('projections', '/v1/ceo/summary');
    const escalations = await get<{ total: number }>('projections', '/v1/ceo/escalations');
    const roster = await get<{ people: number }>('campaigns', `/v1/campaigns/${summary.campaign.campaignId}/roster`);
    type Rates = { overall: { all: { eligible: number; participants: number } } };
    const participation = await get<Rates>(
      'projections',
      `/v1/reports/participation?campaignId=${summary.campaign.campaignId}`,
    );
    type Dispositions = {
      complete: number;
      partial: number;
      refusal: number;
      nonContact: number;
      ineligible: number;
      attempts: number;
    };
    const { dispositions: wave } = await get<{ dispositions: Dispositions }>(
      'surveys',
      `/v1/waves/${summary.survey.waveId}/summary`,
    );
    let registrations = 0;
    let activities = 0;
    for (const community of summary.community.communities) {
      type Report = { activities: { category: string; activities: number; registrations: number }[] };
      const report = await get<Report>(
        'projections',
        `/v1/reports/community?community=${community}&month=${summary.community.month}`,
      );
      const all = report.activities.find((a) => a.category === 'all');
      registrations += all?.registrations ?? 0;
      activities += all?.activities ?? 0;
    }
    return {
      complaintsReceived: ceo.received,
      complaintsOpen: ceo.open.total,
      openAtCeoOffice: ceo.open.byLevel.ceo_office ?? 0,
      ceoEscalations: escalations.total,
      rosterPeople: roster.people,
      eligible: participation.overall.all.eligible,
      participants: participation.overall.all.participants,
      surveyCompletes: wave.complete,
      surveyOutcomes: wave.complete + wave.partial + wave.refusal + wave.nonContact + wave.ineligible,
      surveyAttempts: wave.attempts,
      communityActivities: activities,
      confirmedRegistrations: registrations,
    };
  }

  it('leaves the same counts after the second run as after the first, and the second run creates nothing', async () => {
    const first = await loadDemo(services.api, settings, silentProgress);
    await services.settled();
    const afterFirst = await counts(first);

    const second = await loadDemo(services.api, settings, silentProgress);
    await services.settled();
    const afterSecond = await counts(second);

    expect(afterSecond).toEqual(afterFirst);
    for (const [name, count] of Object.entries(afterFirst))
      expect({ name, count: count > 0 }).toEqual({ name, count: true });
    // The first run's complaints and the survey's follow-ups, all of them, and nothing more.
    const data = planDataSet(settings);
    expect(afterFirst.complaintsReceived).toBe(data.complaints.length + first.survey.lowComplaintRatings);
    expect(afterFirst.rosterPeople).toBe(data.campaign.roster.length);
    expect(second.campaign.campaignId).toBe(first.campaign.campaignId);
    expect(second.survey.waveId).toBe(first.survey.waveId);
    expect(second.community.activityIds).toEqual(first.community.activityIds);
    const created = Object.entries(second.tally.counts).filter(([, c]) => c.created > 0);
    expect(created).toEqual([]);
    expect(second.tally.steps).toBe(0);
    expect(first.tally.steps).toBeGreaterThan(0);
  }, 600_000);
});
