import type { INestApplication } from '@nestjs/common';
import { signToken, Role } from '@cx/auth';
import { namespacedTopic, Topics } from '@cx/contracts';
import { createKafka } from '@cx/messaging';
import { ManualClock, ServiceConfig } from '@cx/platform';
import { eventually, testServiceConfig, TestDatabase } from '@cx/testing';
import type { Kafka } from 'kafkajs';
import { Pool } from 'pg';
import request from 'supertest';
import { createCampaignsApp } from './campaigns.app';
import { verifyDisclosureFromTopic } from './infrastructure/disclosure-verification';

const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const roster = [
  'person_id,name,department,region,segment,employed_from,employed_until',
  'E1,Wang Fang,Sales,east-china,employee,2020-01-01,',
  'E2,Li Wei,Sales,east-china,employee,2020-01-01,',
  'E3,Zhang Min,Service,south-china,employee,2019-03-01,2026-08-15',
  'M1,Zhao Lei,Sales,east-china,management,2010-01-01,',
  'M2,Sun Li,Service,south-china,management,2012-01-01,',
].join('\n');
const visit = (personId: string, date: string) => ({
  personId,
  kind: 'customer_visit',
  date,
  customersMet: 1,
  scenario: 'Home visit',
  findings: [],
});

/**
 * September 2026. Eligible: E1, E2, M1, M2 (E3 left in August). Before the freeze E1 (twice) and M1 took part:
 * all 2 of 4, employees 1 of 2, management 1 of 2. After the freeze E2 takes part late.
 */
describe('participation disclosures (real Postgres, real Kafka)', () => {
  let app: INestApplication;
  let config: ServiceConfig;
  let database: TestDatabase;
  let pool: Pool;
  let kafka: Kafka;
  let campaignId: string;
  const as = (sub: string, ...roles: Role[]) => `Bearer ${signToken({ sub, name: sub, roles }, config.jwtSecret)}`;
  const admin = () => as('campaign-admin-1', 'campaign_admin');
  const auditor = () => as('assurer-1', 'auditor');
  const http = () => request(app.getHttpServer());
  const eventCount = async () => Number((await pool.query('SELECT count(*) FROM events')).rows[0].count);
  const disclose = (key?: string) => {
    const call = http().post(`/v1/campaigns/${campaignId}/disclosures`).set('Authorization', admin());
    return key ? call.set('Idempotency-Key', key) : call;
  };

  beforeAll(async () => {
    ({ config, database } = await testServiceConfig('campaigns'));
    app = await createCampaignsApp(config, { clock: new ManualClock(new Date('2026-10-08T02:00:00.000Z')) });
    await app.init();
    pool = new Pool({ connectionString: config.databaseUrl });
    kafka = createKafka(config.kafkaBrokers, 'disclosure-test', silent);

    const created = await http()
      .post('/v1/campaigns')
      .set('Authorization', admin())
      .send({
        name: 'Six Ones 2026 autumn',
        periodStart: '2026-09-01',
        periodEnd: '2026-09-30',
        activityKinds: ['customer_visit'],
      })
      .expect(201);
    campaignId = created.body.campaignId;
    await http().post(`/v1/campaigns/${campaignId}/opening`).set('Authorization', admin()).expect(200);
    await http()
      .post(`/v1/campaigns/${campaignId}/roster`)
      .set('Authorization', admin())
      .set('Content-Type', 'text/csv')
      .send(roster)
      .expect(200);
    await http()
      .post(`/v1/campaigns/${campaignId}/activities/bulk`)
      .set('Authorization', admin())
      .send([visit('E1', '2026-09-02'), visit('M1', '2026-09-03'), visit('E1', '2026-09-20')])
      .expect(200);
  });

  afterAll(async () => {
    await pool?.end();
    await app?.close();
    await database?.drop();
  });

  it('refuses to freeze an open campaign, naming its state, appending nothing', async () => {
    const before = await eventCount();
    const refused = await disclose().expect(409);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ currentState: 'open', allowedStates: ['closed'] });
    expect(await eventCount()).toBe(before);
  });

  it('freezes a closed campaign, keeps late activities apart as a difference, and the topic gives the same figures', async () => {
    await http().post(`/v1/campaigns/${campaignId}/closure`).set('Authorization', admin()).expect(200);
    const frozen = await disclose('esg-2026').expect(201);
    const { disclosureId } = frozen.body;
    expect(frozen.headers.location).toBe(`/v1/campaigns/${campaignId}/disclosures/${disclosureId}`);
    const figures = {
      all: { eligible: 4, participants: 2 },
      employee: { eligible: 2, participants: 1 },
      management: { eligible: 2, participants: 1 },
    };
    expect(frozen.body).toMatchObject({
      campaignId,
      eligibilityRule: 'employment_overlaps_period',
      eventsCounted: 7, // created, opened, closed, one roster event, three activities
      figures,
      sinceFreeze: { laterEvents: 0, lateActivities: 0, figuresNow: figures },
    });
    expect(frozen.body.eventsDigest).toMatch(/^[0-9a-f]{64}$/);

    const replay = await disclose('esg-2026').expect(201);
    expect(replay.body.disclosureId).toBe(disclosureId);
    expect(replay.headers['idempotent-replayed']).toBe('true');

    const evidence = await http()
      .get(`/v1/campaigns/${campaignId}/disclosures/${disclosureId}/evidence`)
      .set('Authorization', auditor())
      .expect(200);
    expect(evidence.body).toEqual({
      disclosureId,
      evidenceDigest: frozen.body.evidenceDigest,
      people: [
        { personId: 'E1', segment: 'employee', participant: true },
        { personId: 'E2', segment: 'employee', participant: false },
        { personId: 'M1', segment: 'management', participant: true },
        { personId: 'M2', segment: 'management', participant: false },
      ],
    });

    const late = await http()
      .post(`/v1/campaigns/${campaignId}/activities`)
      .set('Authorization', admin())
      .send(visit('E2', '2026-09-29'))
      .expect(201);
    expect(late.body.personId).toBe('E2');
    const after = await http()
      .get(`/v1/campaigns/${campaignId}/disclosures/${disclosureId}`)
      .set('Authorization', auditor())
      .expect(200);
    expect(after.body.figures).toEqual(figures);
    expect(after.body.sinceFreeze).toEqual({
      laterEvents: 1,
      lateActivities: 1,
      figuresNow: { ...figures, all: { eligible: 4, participants: 3 }, employee: { eligible: 2, participants: 2 } },
      difference: {
        all: { eligible: 0, participants: 1 },
        employee: { eligible: 0, participants: 1 },
        management: { eligible: 0, participants: 0 },
      },
    });

    const topic = namespacedTopic(Topics.campaigns, config.topicNamespace);
    const verification = await eventually(async () => {
      const result = await verifyDisclosureFromTopic(kafka, topic, disclosureId);
      if (!result) throw new Error('the disclosure is not on the topic yet');
      return result;
    }, 30_000);
    expect(verification.matches).toBe(true);
    expect(verification.recomputed.eventsDigest).toBe(frozen.body.eventsDigest);
    expect(verification.recomputed.figures).toEqual(figures);
  });

  it('lets the auditor read but not freeze, and answers 404 for a disclosure of another campaign', async () => {
    await http().post(`/v1/campaigns/${campaignId}/disclosures`).set('Authorization', auditor()).expect(403);
    await http()
      .get(`/v1/campaigns/${campaignId}/disclosures/6f1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5`)
      .set('Authorization', auditor())
      .expect(404);
  });
});
