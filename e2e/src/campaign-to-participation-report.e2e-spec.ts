import type { INestApplication } from '@nestjs/common';
import { signToken, Role } from '@cx/auth';
import { ManualClock, ServiceConfig } from '@cx/platform';
import { eventually, testServiceConfig, TestDatabase } from '@cx/testing';
import request from 'supertest';
import { createCampaignsApp } from '../../services/campaigns/src/campaigns.app';
import { createProjectionsApp } from '../../services/projections/src/projections.app';

/**
 * HR's roster and the sites' activities through the campaigns API, the participation report through the
 * projections API, every figure computed by hand below. September 2026: Tuesday 1st to Wednesday 30th.
 *
 * Eligible: E1, E2, E4 (joins on the 15th), E5 (leaves on the 10th), M1, M2 — 4 employees, 2 managers.
 * Not eligible: E3 (left in August), E6 (joins in October). Participants: M1, E1 (twice, counted once), E5, E4.
 * Refused: X9 (not on the roster), E3 (not employed then), E4 before joining. E2 moves from Sales to Service.
 */
const rosterCsv = [
  'person_id,name,department,region,segment,employed_from,employed_until',
  'E1,Wang Fang,Sales,east-china,employee,2020-01-01,',
  'E2,Li Wei,Sales,east-china,employee,2021-05-01,',
  'E3,Zhang Min,Service,south-china,employee,2019-03-01,2026-08-15',
  'E4,Chen Jing,Service,south-china,employee,2026-09-15,',
  'E5,Liu Yang,Service,south-china,employee,2018-01-01,2026-09-10',
  'M1,Zhao Lei,Sales,east-china,management,2010-01-01,',
  'M2,Sun Li,Service,south-china,management,2012-01-01,',
  'E6,Zhou Jie,Sales,east-china,employee,2026-10-05,',
].join('\n');

const activity = (personId: string, date: string) => ({
  personId,
  kind: 'customer_visit',
  date,
  customersMet: 3,
  scenario: 'Home visit after handover',
  findings: [],
});

describe('campaign roster and activities over HTTP -> Kafka -> participation report', () => {
  let campaigns: INestApplication;
  let projections: INestApplication;
  let config: ServiceConfig;
  const databases: TestDatabase[] = [];

  const token = (...roles: Role[]) => `Bearer ${signToken({ sub: 'u-1', name: 'Test user', roles }, config.jwtSecret)}`;

  beforeAll(async () => {
    const c = await testServiceConfig('campaigns');
    const p = await testServiceConfig('projections', { topicNamespace: c.config.topicNamespace });
    config = c.config;
    databases.push(c.database, p.database);
    campaigns = await createCampaignsApp(c.config, { clock: new ManualClock(new Date('2026-09-30T04:00:00.000Z')) });
    await campaigns.init();
    projections = await createProjectionsApp(p.config);
    await projections.init();
  });

  afterAll(async () => {
    await projections?.close();
    await campaigns?.close();
    for (const database of databases) await database.drop();
  });

  it('reports the participation rates a hand computation gives', async () => {
    const http = () => request(campaigns.getHttpServer());
    const created = await http()
      .post('/v1/campaigns')
      .set('Authorization', token('campaign_admin'))
      .send({
        name: 'Six Ones 2026 autumn',
        periodStart: '2026-09-01',
        periodEnd: '2026-09-30',
        activityKinds: ['customer_visit', 'service_experience'],
      })
      .expect(201);
    const campaignId = created.body.campaignId;
    await http().post(`/v1/campaigns/${campaignId}/opening`).set('Authorization', token('campaign_admin')).expect(200);

    const imported = await http()
      .post(`/v1/campaigns/${campaignId}/roster`)
      .set('Authorization', token('hr'))
      .set('Content-Type', 'text/csv')
      .send(rosterCsv)
      .expect(200);
    expect(imported.body).toMatchObject({ rows: 8, accepted: 8, rejected: 0 });
    const moved = await http()
      .post(`/v1/campaigns/${campaignId}/roster`)
      .set('Authorization', token('hr'))
      .send([
        {
          personId: 'E2',
          name: 'Li Wei',
          department: 'Service',
          region: 'east-china',
          segment: 'employee',
          employedFrom: '2021-05-01',
        },
      ])
      .expect(200);
    expect(moved.body).toMatchObject({ updated: 1 });

    const uploaded = await http()
      .post(`/v1/campaigns/${campaignId}/activities/bulk`)
      .set('Authorization', token('campaign_admin'))
      .send([
        activity('M1', '2026-09-01'),
        activity('E1', '2026-09-02'),
        activity('E3', '2026-09-03'),
        activity('E5', '2026-09-08'),
        activity('X9', '2026-09-09'),
        activity('E4', '2026-09-10'),
        activity('E4', '2026-09-16'),
        activity('E1', '2026-09-20'),
      ])
      .expect(200);
    expect(uploaded.body).toMatchObject({ rows: 8, accepted: 5, rejected: 3 });
    expect(uploaded.body.rejections.map((r: { row: number; reason: string }) => [r.row, r.reason])).toEqual([
      [3, 'not_employed_on_date'],
      [5, 'not_on_roster'],
      [6, 'not_employed_on_date'],
    ]);

    const report = async () =>
      (
        await request(projections.getHttpServer())
          .get('/v1/reports/participation')
          .query({ campaignId })
          .set('Authorization', token('ceo_office'))
          .expect(200)
      ).body;
    await eventually(async () => expect((await report()).overall.all.participants).toBe(4), 30_000);
    await eventually(async () =>
      expect((await report()).byDepartment.map((d: { value: string }) => d.value)).toEqual(['Sales', 'Service']),
    );

    const body = await report();
    const figure = (eligible: number, participants: number, ratePercent: string) => ({
      eligible,
      participants,
      rate: participants / eligible,
      ratePercent,
    });
    expect(body.status).toBe('open');
    expect(body.eligibilityRule.id).toBe('employment_overlaps_period');
    expect(body.overall).toEqual({
      all: figure(6, 4, '66.7'),
      employee: figure(4, 3, '75.0'),
      management: figure(2, 1, '50.0'),
    });
    expect(body.byDepartment).toEqual([
      {
        value: 'Sales',
        all: figure(2, 2, '100.0'),
        employee: figure(1, 1, '100.0'),
        management: figure(1, 1, '100.0'),
      },
      { value: 'Service', all: figure(4, 2, '50.0'), employee: figure(3, 2, '66.7'), management: figure(1, 0, '0.0') },
    ]);
    expect(body.byRegion).toEqual([
      {
        value: 'east-china',
        all: figure(3, 2, '66.7'),
        employee: figure(2, 1, '50.0'),
        management: figure(1, 1, '100.0'),
      },
      {
        value: 'south-china',
        all: figure(3, 2, '66.7'),
        employee: figure(2, 2, '100.0'),
        management: figure(1, 0, '0.0'),
      },
    ]);
    expect(
      body.weekly.map((w: { weekStart: string; all: { eligible: number; participants: number } }) => [
        w.weekStart,
        w.all.eligible,
        w.all.participants,
      ]),
    ).toEqual([
      ['2026-08-31', 5, 2],
      ['2026-09-07', 5, 3],
      ['2026-09-14', 6, 4],
      ['2026-09-21', 6, 4],
      ['2026-09-28', 6, 4],
    ]);
  });
});
