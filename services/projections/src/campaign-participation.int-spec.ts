import type { INestApplication } from '@nestjs/common';
import { signToken } from '@cx/auth';
import { EventEnvelope, namespacedTopic, rosterStreamId, Topics } from '@cx/contracts';
import { createKafka, ensureTopics } from '@cx/messaging';
import type { ServiceConfig } from '@cx/platform';
import { eventually, testServiceConfig, TestDatabase } from '@cx/testing';
import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners, Producer } from 'kafkajs';
import { Client, Pool } from 'pg';
import request from 'supertest';
import { rebuildProjection } from './infrastructure/rebuild/projection-rebuild';
import { campaignParticipation } from './projections/campaign-participation/campaign-participation';
import { campaignProblems } from './projections/campaign-problems/campaign-problems';
import { createProjectionsApp } from './projections.app';
import { eventHistory } from './event-history.support';

const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

const campaignId = randomUUID();
const submissionId = randomUUID();
const { envelope } = eventHistory({
  occurredAt: '2026-10-01T02:00:00.000Z',
  correlationId: 'participation-test',
  actorId: 'hr-1',
});

const person = (
  personId: string,
  segment: string,
  department: string,
  region: string,
  from: string,
  until = null as string | null,
) => ({
  personId,
  segment,
  department,
  region,
  employedFrom: from,
  employedUntil: until,
});
const roster = (type: string, entries: object[]) =>
  envelope('Roster', rosterStreamId(campaignId), type, {
    campaignId,
    importId: randomUUID(),
    entries,
    importedAt: '2026-09-01T01:00:00.000Z',
  });
const activity = (personId: string, date: string) =>
  envelope('ParticipationSubmission', submissionId, 'ParticipationActivityRecorded', {
    submissionId,
    activityId: randomUUID(),
    campaignId,
    personId,
    kind: 'customer_visit',
    date,
    customersMet: 2,
    scenario: 'Home visit after handover',
    findings: ['Door frame gap in the living room'],
    recordedAt: '2026-10-01T02:00:00.000Z',
  });

/**
 * A campaign over September 2026 (Tuesday 1st to Wednesday 30th). Eligible: E1, E2, E4 (joined on the 15th),
 * E5 (left on the 10th), M1, M2; not eligible: E3 (left in August), E6 (joins in October). Participants: E1
 * (twice, counted once), E4, E5, M1; E3's activity does not count. E2 moves from Sales to Service.
 */
const events: EventEnvelope[] = [
  envelope('ListeningCampaign', campaignId, 'ListeningCampaignCreated', {
    campaignId,
    name: 'Six Ones 2026 autumn',
    periodStart: '2026-09-01',
    periodEnd: '2026-09-30',
    activityKinds: ['customer_visit', 'service_experience'],
    createdAt: '2026-08-20T01:00:00.000Z',
  }),
  envelope('ListeningCampaign', campaignId, 'ListeningCampaignOpened', {
    campaignId,
    openedAt: '2026-09-01T00:00:00.000Z',
  }),
  roster('RosterEntriesAdded', [
    person('E1', 'employee', 'Sales', 'east', '2020-01-01'),
    person('E2', 'employee', 'Sales', 'east', '2021-05-01'),
    person('E3', 'employee', 'Service', 'south', '2019-03-01', '2026-08-15'),
    person('E4', 'employee', 'Service', 'south', '2026-09-15'),
    person('E5', 'employee', 'Service', 'south', '2018-01-01', '2026-09-10'),
    person('M1', 'management', 'Sales', 'east', '2010-01-01'),
    person('M2', 'management', 'Service', 'south', '2012-01-01'),
    person('E6', 'employee', 'Sales', 'east', '2026-10-05'),
  ]),
  roster('RosterEntriesUpdated', [person('E2', 'employee', 'Service', 'east', '2021-05-01')]),
  activity('M1', '2026-09-01'),
  activity('E1', '2026-09-02'),
  activity('E3', '2026-09-03'),
  activity('E5', '2026-09-08'),
  activity('E4', '2026-09-16'),
  activity('E1', '2026-09-20'),
];

const [P1, P2, P3] = [randomUUID(), randomUUID(), randomUUID()];
const [A1, A2, A3] = [randomUUID(), randomUUID(), randomUUID()];
const problemEvent = (problemId: string, type: string, data: object) =>
  envelope('CampaignProblem', problemId, type, { problemId, campaignId, ...data });
const raised = (problemId: string, category: string, dueDate: string) =>
  problemEvent(problemId, 'CampaignProblemRaised', {
    activityId: randomUUID(),
    findingIndex: 0,
    description: 'Door frame gap in the living room',
    category,
    ownerId: 'manager-7',
    dueDate,
    raisedBy: 'campaign-admin-1',
    raisedAt: '2026-10-01T02:00:00.000Z',
  });
const actionAdded = (problemId: string, actionId: string, dueDate: string) =>
  problemEvent(problemId, 'CampaignProblemActionAdded', {
    actionId,
    description: 'Refit door frames in block 3',
    ownerId: 'manager-7',
    dueDate,
    addedAt: '2026-10-01T02:00:00.000Z',
  });
const actionStep = (problemId: string, actionId: string, type: string) =>
  problemEvent(
    problemId,
    type,
    type === 'CampaignProblemActionCompleted'
      ? { actionId, completedBy: 'manager-7', note: 'done', completedAt: '2026-10-02T02:00:00.000Z' }
      : type === 'CampaignProblemActionVerified'
        ? { actionId, verifiedBy: 'campaign-admin-1', verifiedAt: '2026-10-03T02:00:00.000Z' }
        : { actionId, reason: 'not fixed', sentBackAt: '2026-10-03T02:00:00.000Z' },
  );
/**
 * P1 (housing quality, overdue): A1 verified, A2 sent back and overdue. P2 (delivery): A3 verified, closed.
 * P3 (housing quality, due later): linked to a complaint.
 */
const problemEvents = [
  raised(P1, 'housing_quality', '2020-01-01'),
  actionAdded(P1, A1, '2099-12-31'),
  actionAdded(P1, A2, '2020-06-01'),
  actionStep(P1, A1, 'CampaignProblemActionCompleted'),
  actionStep(P1, A1, 'CampaignProblemActionVerified'),
  actionStep(P1, A2, 'CampaignProblemActionCompleted'),
  actionStep(P1, A2, 'CampaignProblemActionSentBack'),
  raised(P2, 'delivery', '2099-12-31'),
  actionAdded(P2, A3, '2099-12-31'),
  actionStep(P2, A3, 'CampaignProblemActionCompleted'),
  actionStep(P2, A3, 'CampaignProblemActionVerified'),
  problemEvent(P2, 'CampaignProblemClosed', { closedAt: '2026-10-04T02:00:00.000Z' }),
  raised(P3, 'housing_quality', '2099-12-31'),
  problemEvent(P3, 'CampaignProblemLinked', {
    linkKind: 'complaint',
    linkedId: randomUUID(),
    linkedAt: '2026-10-05T02:00:00.000Z',
  }),
];
events.push(...problemEvents);

describe('participation rates (real Kafka, real Postgres)', () => {
  let app: INestApplication;
  let config: ServiceConfig;
  let database: TestDatabase;
  let pool: Pool;
  let producer: Producer;
  let kafka: Kafka;
  let topic: string;
  let token: string;

  beforeAll(async () => {
    ({ config, database } = await testServiceConfig('projections'));
    topic = namespacedTopic(Topics.campaigns, config.topicNamespace);
    kafka = createKafka(config.kafkaBrokers, 'participation-test', silent);
    await ensureTopics(kafka, [{ topic }]);
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    app = await createProjectionsApp(config);
    await app.init();
    pool = new Pool({ connectionString: config.databaseUrl });
    token = signToken({ sub: 'ceo-1', name: 'CEO office', roles: ['ceo_office'] }, config.jwtSecret);
    await producer.send({
      topic,
      acks: -1,
      messages: events.map((e) => ({ key: e.streamId, value: JSON.stringify(e) })),
    });
    const lastOfEach = [...new Set(events.map((e) => e.streamId))].map(
      (id) => events.filter((e) => e.streamId === id).at(-1)!.id,
    );
    await eventually(async () => {
      const { rows } = await pool.query('SELECT count(*)::int AS n FROM processed_events WHERE event_id = ANY($1)', [
        lastOfEach,
      ]);
      expect(rows[0].n).toBe(lastOfEach.length);
    });
  });

  afterAll(async () => {
    await producer?.disconnect();
    await pool?.end();
    await app?.close();
    await database?.drop();
  });

  const figures = async (dimension: string) =>
    (
      await pool.query(
        `SELECT segment, dimension_value, eligible::int, participants::int, round(rate, 4)::float AS rate
           FROM reporting.campaign_participation WHERE campaign_id = $1 AND dimension = $2
          ORDER BY dimension_value, segment`,
        [campaignId, dimension],
      )
    ).rows;

  it('computes reporting.campaign_participation overall, by segment, department and region', async () => {
    expect(await figures('overall')).toEqual([
      { segment: 'all', dimension_value: 'all', eligible: 6, participants: 4, rate: 0.6667 },
      { segment: 'employee', dimension_value: 'all', eligible: 4, participants: 3, rate: 0.75 },
      { segment: 'management', dimension_value: 'all', eligible: 2, participants: 1, rate: 0.5 },
    ]);
    expect(await figures('department')).toEqual([
      { segment: 'all', dimension_value: 'Sales', eligible: 2, participants: 2, rate: 1 },
      { segment: 'employee', dimension_value: 'Sales', eligible: 1, participants: 1, rate: 1 },
      { segment: 'management', dimension_value: 'Sales', eligible: 1, participants: 1, rate: 1 },
      { segment: 'all', dimension_value: 'Service', eligible: 4, participants: 2, rate: 0.5 },
      { segment: 'employee', dimension_value: 'Service', eligible: 3, participants: 2, rate: 0.6667 },
      { segment: 'management', dimension_value: 'Service', eligible: 1, participants: 0, rate: 0 },
    ]);
    expect(await figures('region')).toEqual([
      { segment: 'all', dimension_value: 'east', eligible: 3, participants: 2, rate: 0.6667 },
      { segment: 'employee', dimension_value: 'east', eligible: 2, participants: 1, rate: 0.5 },
      { segment: 'management', dimension_value: 'east', eligible: 1, participants: 1, rate: 1 },
      { segment: 'all', dimension_value: 'south', eligible: 3, participants: 2, rate: 0.6667 },
      { segment: 'employee', dimension_value: 'south', eligible: 2, participants: 2, rate: 1 },
      { segment: 'management', dimension_value: 'south', eligible: 1, participants: 0, rate: 0 },
    ]);
  });

  it('computes the weekly cumulative curve: joiners counted from the week they join', async () => {
    const { rows } = await pool.query(
      `SELECT week_start::text, week_end::text, eligible::int, participants::int
         FROM reporting.campaign_participation_weekly WHERE campaign_id = $1 AND segment = 'all' ORDER BY week_start`,
      [campaignId],
    );
    expect(rows).toEqual([
      { week_start: '2026-08-31', week_end: '2026-09-06', eligible: 5, participants: 2 },
      { week_start: '2026-09-07', week_end: '2026-09-13', eligible: 5, participants: 3 },
      { week_start: '2026-09-14', week_end: '2026-09-20', eligible: 6, participants: 4 },
      { week_start: '2026-09-21', week_end: '2026-09-27', eligible: 6, participants: 4 },
      { week_start: '2026-09-28', week_end: '2026-09-30', eligible: 6, participants: 4 },
    ]);
  });

  it('serves GET /v1/reports/participation with exact rates, display percentages and the rule it used', async () => {
    const response = await request(app.getHttpServer())
      .get('/v1/reports/participation')
      .query({ campaignId })
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(response.body).toMatchObject({
      campaignId,
      name: 'Six Ones 2026 autumn',
      periodStart: '2026-09-01',
      periodEnd: '2026-09-30',
      status: 'open',
      eligibilityRule: { id: 'employment_overlaps_period' },
      overall: {
        all: { eligible: 6, participants: 4, rate: 4 / 6, ratePercent: '66.7' },
        employee: { eligible: 4, participants: 3, rate: 0.75, ratePercent: '75.0' },
        management: { eligible: 2, participants: 1, rate: 0.5, ratePercent: '50.0' },
      },
    });
    expect(response.body.eligibilityRule.description).toMatch(/overlapping the campaign period/);
    expect(response.body.byDepartment.map((d: { value: string }) => d.value)).toEqual(['Sales', 'Service']);
    expect(response.body.byRegion[1]).toMatchObject({ value: 'south', management: { eligible: 1, participants: 0 } });
    expect(response.body.weekly).toHaveLength(5);
    expect(response.body.weekly[2]).toMatchObject({
      weekStart: '2026-09-14',
      weekEnd: '2026-09-20',
      all: { eligible: 6, participants: 4 },
      employee: { eligible: 4, participants: 3 },
    });
  });

  it('counts the problems the campaign found: open, closed, overdue, linked, actions, by category', async () => {
    const response = await request(app.getHttpServer())
      .get('/v1/reports/participation')
      .query({ campaignId })
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    const counts = (category: string, n: number[]) => ({
      category,
      problems: n[0],
      open: n[1],
      closed: n[2],
      overdue: n[3],
      linked: n[4],
      actions: n[5],
      actionsVerified: n[6],
      actionsOverdue: n[7],
    });
    expect(response.body.problems).toEqual([
      counts('all', [3, 2, 1, 1, 1, 3, 2, 1]),
      counts('delivery', [1, 0, 1, 0, 0, 1, 1, 0]),
      counts('housing_quality', [2, 2, 0, 1, 1, 2, 1, 1]),
    ]);
  });

  it('answers 404 for an unknown campaign and 400 for a malformed id, as problem+json', async () => {
    const unknown = await request(app.getHttpServer())
      .get('/v1/reports/participation')
      .query({ campaignId: randomUUID() })
      .set('Authorization', `Bearer ${token}`)
      .expect(404);
    expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(unknown.body.code).toBe('REPORT.CAMPAIGN_NOT_FOUND');
    const malformed = await request(app.getHttpServer())
      .get('/v1/reports/participation')
      .query({ campaignId: 'six-ones' })
      .set('Authorization', `Bearer ${token}`)
      .expect(400);
    expect(malformed.body.errors.map((e: { field: string }) => e.field)).toEqual(['campaignId']);
  });

  it('shows BI tools the figures, never the person ids behind them', async () => {
    const url = new URL(config.databaseUrl);
    url.username = 'bi_reader';
    const bi = new Client({ connectionString: url.toString() });
    await bi.connect();
    try {
      const { rows } = await bi.query(
        `SELECT eligible::int FROM reporting.campaign_participation
          WHERE campaign_id = $1 AND dimension = 'overall' AND segment = 'all'`,
        [campaignId],
      );
      expect(rows).toEqual([{ eligible: 6 }]);
      await expect(bi.query('SELECT * FROM public.campaign_roster')).rejects.toThrow(/permission denied/);
      await expect(bi.query('SELECT * FROM public.campaign_activities')).rejects.toThrow(/permission denied/);
      await expect(bi.query('SELECT * FROM public.campaign_eligible_people')).rejects.toThrow(/permission denied/);
    } finally {
      await bi.end();
    }
  });

  it('rebuilds from the topic into identical tables and figures', async () => {
    const snapshot = async () => ({
      campaigns: (await pool.query('SELECT * FROM reporting.listening_campaigns_v1 ORDER BY campaign_id')).rows,
      roster: (await pool.query('SELECT * FROM public.campaign_roster ORDER BY campaign_id, person_id')).rows,
      activities: (await pool.query('SELECT * FROM public.campaign_activities ORDER BY activity_id')).rows,
      figures: [...(await figures('overall')), ...(await figures('department')), ...(await figures('region'))],
    });
    const before = await snapshot();
    const result = await rebuildProjection({ pool, kafka, projection: campaignParticipation, topics: [topic] });
    expect(result).toMatchObject({ applied: events.length, skipped: 0 });
    expect(await snapshot()).toEqual(before);
    const problemsBefore = (await pool.query('SELECT * FROM reporting.campaign_problem_stats ORDER BY category')).rows;
    await rebuildProjection({ pool, kafka, projection: campaignProblems, topics: [topic] });
    expect((await pool.query('SELECT * FROM reporting.campaign_problem_stats ORDER BY category')).rows).toEqual(
      problemsBefore,
    );
  });
});
