import { namespacedTopic, Topics } from '@cx/contracts';
import { createKafka } from '@cx/messaging';
import {
  eventually,
  kafkaBrokers,
  startServiceProcess,
  stopServiceProcess,
  testServiceConfig,
  TestDatabase,
  ServiceProcess,
} from '@cx/testing';
import { Client } from 'pg';
import { ApiClient, SERVICES, ServiceName, ServiceUrls } from './api-client';
import { groupMonth } from './calendar';
import { DemoSettings, planDataSet } from './data-set';
import { DemoSummary, loadDemo } from './load-demo';
import { silentProgress } from './progress';

const WRITERS = ['complaints', 'surveys', 'campaigns', 'community', 'confidentiality'] as const;

/**
 * The loader run twice, with the same seed, against every service as a real process (test databases, a topic
 * namespace of its own): the second run replays every Idempotency-Key and takes no step, and what the REST
 * reports count after it is what they counted after the first.
 */
describe('npm run demo, run twice', () => {
  const namespace = `t${Date.now().toString(36)}demo`;
  const processes: ServiceProcess[] = [];
  const databases: TestDatabase[] = [];
  const databaseUrls: Partial<Record<ServiceName, string>> = {};
  let api: ApiClient;
  const settings: DemoSettings = { seed: 'twice', scale: 'small', month: groupMonth(new Date()) };

  beforeAll(async () => {
    let secret = '';
    const urls: Partial<ServiceUrls> = {};
    for (const name of SERVICES) {
      const { config, database } = await testServiceConfig(name, { topicNamespace: namespace });
      databases.push(database);
      databaseUrls[name] = config.databaseUrl;
      secret = config.jwtSecret;
      const service = await startServiceProcess(config);
      processes.push(service);
      urls[name] = service.url;
    }
    api = new ApiClient(urls as ServiceUrls, secret);
  }, 300_000);

  afterAll(async () => {
    for (const service of processes) await stopServiceProcess(service);
    for (const database of databases) await database.drop();
  });

  /** Every recorded event published, and every consumer that counts (projections, survey follow-ups) caught up. */
  async function settled(): Promise<void> {
    const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
    const admin = createKafka(kafkaBrokers(), 'demo-settled', quiet).admin();
    await admin.connect();
    const consumers = [
      { group: 'projections', topics: WRITERS.map((w) => namespacedTopic(Topics[w], namespace)) },
      { group: 'complaints.survey-follow-ups', topics: [namespacedTopic(Topics.surveys, namespace)] },
    ];
    try {
      // A follow-up complaint is a new event after the consumers caught up: settled when a pass finds none.
      let before = -1;
      for (
        let recorded = await recordedEvents();
        recorded !== before;
        before = recorded, recorded = await recordedEvents()
      ) {
        for (const writer of WRITERS) {
          const count = await eventCount(writer);
          await eventually(async () => {
            const offsets = await admin.fetchTopicOffsets(namespacedTopic(Topics[writer], namespace));
            expect(offsets.reduce((sum, p) => sum + Number(p.high), 0)).toBeGreaterThanOrEqual(count);
          }, 60_000);
        }
        for (const { group, topics } of consumers) {
          await eventually(async () => {
            const committed = await admin.fetchOffsets({ groupId: `${namespace}.${group}`, topics });
            for (const topic of topics) {
              for (const end of await admin.fetchTopicOffsets(topic)) {
                const at = committed
                  .find((c) => c.topic === topic)
                  ?.partitions.find((p) => p.partition === end.partition);
                expect({ group, topic, partition: end.partition, at: Math.max(Number(at?.offset ?? -1), 0) }).toEqual({
                  group,
                  topic,
                  partition: end.partition,
                  at: Number(end.high),
                });
              }
            }
          }, 90_000);
        }
      }
    } finally {
      await admin.disconnect();
    }
  }

  async function eventCount(service: ServiceName): Promise<number> {
    const client = new Client({ connectionString: databaseUrls[service] });
    await client.connect();
    try {
      return Number((await client.query('SELECT count(*) FROM events')).rows[0].count);
    } finally {
      await client.end();
    }
  }

  async function recordedEvents(): Promise<number> {
    let total = 0;
    for (const writer of WRITERS) total += await eventCount(writer);
    return total;
  }

  /** What the REST reports and queries count: the projections' views and the services' own. */
  async function counts(summary: DemoSummary) {
    const as = { sub: 'demo-test', name: 'Demo test', roles: ['ceo_office', 'campaign_admin', 'admin'] } as const;
    const get = async <T = Record<string, unknown>>(service: ServiceName, path: string) =>
      (await api.call<T>(service, 'GET', path, { as: { ...as, roles: [...as.roles] } })).body;
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
    const first = await loadDemo(api, settings, silentProgress);
    await settled();
    const afterFirst = await counts(first);

    const second = await loadDemo(api, settings, silentProgress);
    await settled();
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
