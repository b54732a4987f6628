import type { INestApplication } from '@nestjs/common';
import { signToken, Role } from '@cx/auth';
import { namespacedTopic, rosterStreamId, Topics } from '@cx/contracts';
import { ManualClock, ServiceConfig } from '@cx/platform';
import { eventually, testServiceConfig, TestDatabase, TopicReader } from '@cx/testing';
import { Pool } from 'pg';
import request from 'supertest';
import { createCampaignsApp } from './campaigns.app';

const HEADER = 'person_id,name,department,region,segment,employed_from,employed_until';
const csv = (...lines: string[]) => [HEADER, ...lines].join('\r\n') + '\r\n';
// Midday on 15 June 2021 in Beijing, half-way through the 2021 campaign.
const now = new Date('2021-06-15T04:00:00.000Z');
const sixOnes = {
  name: 'Six Ones 2021',
  periodStart: '2021-01-01',
  periodEnd: '2021-12-31',
  activityKinds: ['customer_visit', 'service_experience', 'hotline_shift'],
};
const person = (personId: string, name: string, changes: Record<string, unknown> = {}) => ({
  personId,
  name,
  department: 'Customer Service',
  region: 'east-china',
  segment: 'employee',
  employedFrom: '2019-03-01',
  ...changes,
});
const visit = (personId: string, changes: Record<string, unknown> = {}) => ({
  personId,
  kind: 'customer_visit',
  date: '2021-06-10',
  customersMet: 4,
  scenario: 'Handover inspection walk with owners',
  findings: ['Lift lobby tiles cracked in block 3', 'Parcel room closes before owners get home'],
  ...changes,
});
const NAMES = ['Wang Fang', 'Li Wei', 'Zhang Min', 'Chen Jing', '王芳', 'Liu, Yang', 'Wang Fang-Li'];

describe('listening campaigns over HTTP (real Postgres, real Kafka)', () => {
  let app: INestApplication;
  let config: ServiceConfig;
  let database: TestDatabase;
  let pool: Pool;
  let topic: TopicReader;
  const as = (sub: string, ...roles: Role[]) => `Bearer ${signToken({ sub, name: sub, roles }, config.jwtSecret)}`;
  const admin = () => as('campaign-admin-1', 'campaign_admin');
  const hr = () => as('hr-2', 'hr');
  const http = () => request(app.getHttpServer());
  const eventCount = async () => Number((await pool.query('SELECT count(*) FROM events')).rows[0].count);
  const onTopic = (key: string, count: number) =>
    eventually(() => {
      const found = topic.messages.filter((m) => m.key === key);
      if (found.length < count) throw new Error(`${found.length} of ${count} on the topic yet`);
      return found.map((m) => ({ ...m, envelope: JSON.parse(m.value!) }));
    }, 30_000);

  const createCampaign = async (body: object = sixOnes) =>
    (await http().post('/v1/campaigns').set('Authorization', admin()).send(body).expect(201)).body.campaignId as string;
  const openCampaign = async (body: object = sixOnes) => {
    const campaignId = await createCampaign(body);
    await http().post(`/v1/campaigns/${campaignId}/opening`).set('Authorization', admin()).expect(200);
    return campaignId;
  };
  const importJson = (campaignId: string, people: unknown, auth = hr()) =>
    http()
      .post(`/v1/campaigns/${campaignId}/roster`)
      .set('Authorization', auth)
      .send(people as object);
  const importCsv = (campaignId: string, body: string | Buffer, contentType = 'text/csv; charset=utf-8') =>
    http()
      .post(`/v1/campaigns/${campaignId}/roster`)
      .set('Authorization', hr())
      .set('Content-Type', contentType)
      .send(body);
  const record = (campaignId: string, activity: object, auth = admin()) =>
    http().post(`/v1/campaigns/${campaignId}/activities`).set('Authorization', auth).send(activity);
  const recordBulk = (campaignId: string, activities: unknown[]) =>
    http().post(`/v1/campaigns/${campaignId}/activities/bulk`).set('Authorization', admin()).send(activities);

  beforeAll(async () => {
    ({ config, database } = await testServiceConfig('campaigns'));
    app = await createCampaignsApp(config, { clock: new ManualClock(now) });
    await app.init();
    pool = new Pool({ connectionString: config.databaseUrl });
    topic = await new TopicReader(
      config.kafkaBrokers,
      namespacedTopic(Topics.campaigns, config.topicNamespace),
    ).start();
  });

  afterAll(async () => {
    await topic?.stop();
    await pool?.end();
    await app?.close();
    await database?.drop();
  });

  it('sets up and opens a campaign: 201 with Location and ETag, its events on cx.campaigns.events', async () => {
    const created = await http()
      .post('/v1/campaigns')
      .set('Authorization', admin())
      .set('X-Correlation-Id', 'six-ones-2021')
      .set('Idempotency-Key', 'six-ones-2021-setup')
      .send(sixOnes)
      .expect(201);
    const id = created.body.campaignId;
    expect(created.headers.location).toBe(`/v1/campaigns/${id}`);
    expect(created.headers.etag).toBe('"1"');
    expect(created.body).toMatchObject({ ...sixOnes, status: 'draft', version: 1 });

    const again = await http()
      .post('/v1/campaigns')
      .set('Authorization', admin())
      .set('Idempotency-Key', 'six-ones-2021-setup')
      .send(sixOnes)
      .expect(201);
    expect(again.body.campaignId).toBe(id);
    expect(again.headers['idempotent-replayed']).toBe('true');

    const opened = await http()
      .post(`/v1/campaigns/${id}/opening`)
      .set('Authorization', admin())
      .set('If-Match', '"1"')
      .expect(200);
    expect(opened.headers.etag).toBe('"2"');
    expect(opened.body).toMatchObject({ status: 'open', openedAt: now.toISOString(), version: 2 });
    const read = await http().get(`/v1/campaigns/${id}`).set('Authorization', as('a-1', 'auditor')).expect(200);
    expect(read.headers.etag).toBe('"2"');

    const messages = await onTopic(id, 2);
    expect(messages.map((m) => m.envelope.type)).toEqual(['ListeningCampaignCreated', 'ListeningCampaignOpened']);
    expect(messages[0].envelope).toMatchObject({
      schemaVersion: 1,
      streamId: id,
      streamType: 'ListeningCampaign',
      streamVersion: 1,
      correlationId: 'six-ones-2021',
      actor: { type: 'user', id: 'campaign-admin-1' },
      data: { campaignId: id, ...sixOnes, createdAt: now.toISOString() },
    });
    expect(messages[0].headers).toMatchObject({ 'event-type': 'ListeningCampaignCreated', 'schema-version': '1' });

    await http().post(`/v1/campaigns/${id}/closure`).set('Authorization', admin()).set('If-Match', '"2"').expect(200);
    const closed = await http().get(`/v1/campaigns/${id}`).set('Authorization', as('c-1', 'ceo_office')).expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedAt: now.toISOString(), version: 3 });
  });

  describe('roster', () => {
    it('imports people as JSON and as CSV, refusing bad rows by number; a re-import changes nothing', async () => {
      const id = await openCampaign();
      const json = await importJson(id, [
        person('E0001', 'Wang Fang'),
        person('E0002', 'Li Wei', { segment: 'management', department: 'Property Services' }),
        person('E0003', 'Zhang Min', { employedFrom: '2010-01-01', employedUntil: '2020-12-31' }),
        person('E0004', 'Chen Jing', { segment: 'staff' }),
      ]).expect(200);
      expect(json.headers.etag).toBe('"1"');
      expect(json.body).toMatchObject({
        campaignId: id,
        rows: 4,
        accepted: 3,
        updated: 0,
        unchanged: 0,
        rejected: 1,
        rejections: [{ row: 4, personId: 'E0004', reason: 'unknown_segment', field: 'segment' }],
        version: 1,
      });

      const file = csv(
        'E0001,Wang Fang,Customer Service,east-china,employee,2019-03-01,',
        'E0002,Li Wei,Regional Management,east-china,management,2019-03-01,',
        'E0005,王芳,客户服务部,east-china,employee,2021-07-01,',
        'E0006,"Liu, Yang",Sales,north-china,management,2016-09-01,2021-03-31',
        'E0007,Wang Fang-Li,,east-china,employee,2019-03-01,',
        'E0005,王芳,客户服务部,east-china,employee,2021-07-01,',
        'E0008,Sun Hao,Sales,east-china,employee,2021-02-30,',
      );
      const first = await importCsv(id, file).set('If-Match', '"1"').expect(200);
      expect(first.body).toMatchObject({ rows: 7, accepted: 2, updated: 1, unchanged: 1, rejected: 3, version: 3 });
      expect(first.body.rejections).toEqual([
        expect.objectContaining({ row: 5, personId: 'E0007', reason: 'missing_department', field: 'department' }),
        expect.objectContaining({ row: 6, personId: 'E0005', reason: 'duplicated_person_id', field: 'person_id' }),
        expect.objectContaining({ row: 7, personId: 'E0008', reason: 'bad_date', field: 'employed_from' }),
      ]);

      const before = await eventCount();
      const repeat = await importCsv(id, file).expect(200);
      expect(repeat.body).toMatchObject({ importId: null, accepted: 0, updated: 0, unchanged: 4, rejected: 3 });
      expect(repeat.headers.etag).toBe('"3"');
      expect(await eventCount()).toBe(before);

      const renamed = await importJson(id, [person('E0001', 'Wang Fang (HR corrected)')]).expect(200);
      expect(renamed.body).toMatchObject({ accepted: 0, updated: 1, unchanged: 0, version: 4 });

      const names = await pool.query('SELECT person_id, name FROM roster_entries WHERE campaign_id = $1 ORDER BY 1', [
        id,
      ]);
      expect(names.rows.map((r) => [r.person_id, r.name])).toEqual([
        ['E0001', 'Wang Fang (HR corrected)'],
        ['E0002', 'Li Wei'],
        ['E0003', 'Zhang Min'],
        ['E0005', '王芳'],
        ['E0006', 'Liu, Yang'],
      ]);

      const roster = await http().get(`/v1/campaigns/${id}/roster`).set('Authorization', as('m-1', 'manager'));
      expect(roster.status).toBe(200);
      expect(roster.headers.etag).toBe('"4"');
      expect(roster.body).toEqual({
        campaignId: id,
        people: 5,
        segments: [
          { segment: 'employee', people: 3, eligible: 2 },
          { segment: 'management', people: 2, eligible: 2 },
        ],
        version: 4,
      });

      const messages = await onTopic(rosterStreamId(id), 4);
      expect(messages.map((m) => m.envelope.type)).toEqual([
        'RosterEntriesAdded',
        'RosterEntriesAdded',
        'RosterEntriesUpdated',
        'RosterEntriesUpdated',
      ]);
      expect(messages[1].envelope).toMatchObject({
        streamType: 'Roster',
        actor: { type: 'user', id: 'hr-2' },
        data: {
          campaignId: id,
          importId: first.body.importId,
          entries: [
            expect.objectContaining({ personId: 'E0005', department: '客户服务部', employedFrom: '2021-07-01' }),
            expect.objectContaining({ personId: 'E0006', segment: 'management', employedUntil: '2021-03-31' }),
          ],
        },
      });
      for (const message of messages) {
        for (const name of NAMES) expect(message.value).not.toContain(name);
      }
    });

    it('imports 20,000 people in one request, as CSV then as JSON, in events of at most 500', async () => {
      const id = await openCampaign();
      const people = Array.from({ length: 20_000 }, (_, i) => {
        const n = String(i).padStart(6, '0');
        const management = i % 10 === 0;
        return person(`P${n}`, `Person ${n}`, {
          segment: management ? 'management' : 'employee',
          department: `Department ${i % 40}`,
          region: ['east-china', 'north-china', 'south-china'][i % 3],
          employedFrom: i % 100 === 0 ? '2021-05-20' : '2018-01-15',
        });
      });
      const file = csv(
        ...people.map((p) => [p.personId, p.name, p.department, p.region, p.segment, p.employedFrom, ''].join(',')),
      );
      const imported = await importCsv(id, file).expect(200);
      expect(imported.body).toMatchObject({ rows: 20_000, accepted: 20_000, rejected: 0, version: 40 });

      const again = await importJson(id, people).expect(200);
      expect(again.body).toMatchObject({ rows: 20_000, accepted: 0, updated: 0, unchanged: 20_000, version: 40 });

      const messages = await onTopic(rosterStreamId(id), 40);
      const entries = messages.flatMap((m) => m.envelope.data.entries);
      expect(entries).toHaveLength(20_000);
      expect(Math.max(...messages.map((m) => m.envelope.data.entries.length))).toBe(500);

      const upload = await recordBulk(
        id,
        people.slice(0, 3_000).map((p) => visit(p.personId, { date: '2021-06-01' })),
      ).expect(200);
      expect(upload.body).toMatchObject({ rows: 3_000, accepted: 3_000, rejected: 0 });
      await onTopic(upload.body.submissionId, 3_000);
    });

    it('refuses a wrong header (400), bytes that are not UTF-8 (415) and a body that is neither JSON nor CSV (415)', async () => {
      const id = await openCampaign();
      const header = await importCsv(id, 'id,name\nE0001,Wang Fang\n').expect(400);
      expect(header.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(header.body.detail).toContain(`must be exactly "${HEADER}"`);

      const gbk = Buffer.concat([
        Buffer.from(`${HEADER}\nE0001,`),
        Buffer.from([0xcd, 0xf5, 0xb7, 0xbc]),
        Buffer.from(',Customer Service,east-china,employee,2019-03-01,\n'),
      ]);
      const encoding = await importCsv(id, gbk, 'text/csv').expect(415);
      expect(encoding.body).toMatchObject({ status: 415, type: 'urn:cx:problem:unsupported-media-type' });
      expect(encoding.body.detail).toContain('not valid UTF-8');
      await importCsv(id, csv(), 'text/csv; charset=gb2312').expect(415);
      await importCsv(id, 'E0001 Wang Fang', 'text/plain').expect(415);
      await importJson(id, { people: [] }).expect(400);
      const roster = await http().get(`/v1/campaigns/${id}/roster`).set('Authorization', hr()).expect(200);
      expect(roster.body).toMatchObject({ people: 0, version: 0 });
    });
  });

  describe('participation activities', () => {
    let id: string;

    beforeAll(async () => {
      id = await openCampaign();
      await importJson(id, [
        person('E0001', 'Wang Fang'),
        person('E0002', 'Li Wei', { segment: 'management' }),
        person('E0003', 'Chen Jing', { employedFrom: '2021-05-01' }),
      ]).expect(200);
    });

    it('records one activity by person id: 201, one event, a repeated Idempotency-Key records nothing more', async () => {
      const recorded = await record(id, visit('E0001')).set('Idempotency-Key', 'form-4711').expect(201);
      expect(recorded.body).toMatchObject({ ...visit('E0001'), campaignId: id, recordedAt: now.toISOString() });
      const { activityId, submissionId } = recorded.body;

      const before = await eventCount();
      const again = await record(id, visit('E0001')).set('Idempotency-Key', 'form-4711').expect(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toMatchObject({ activityId, submissionId });
      expect(await eventCount()).toBe(before);

      const [message] = await onTopic(submissionId, 1);
      expect(message.envelope).toMatchObject({
        type: 'ParticipationActivityRecorded',
        streamType: 'ParticipationSubmission',
        data: { activityId, personId: 'E0001', kind: 'customer_visit', customersMet: 4 },
      });
      expect(message.value).not.toContain('Wang Fang');
    });

    it.each([
      ['someone not on the roster', visit('E9999'), 'not_on_roster', 'personId'],
      ['a date outside the campaign period', visit('E0001', { date: '2020-12-15' }), 'outside_campaign_period', 'date'],
      ['a date in the future', visit('E0001', { date: '2021-06-16' }), 'in_the_future', 'date'],
      ['a date before the person joined', visit('E0003', { date: '2021-04-30' }), 'not_employed_on_date', 'date'],
      ['a kind the campaign does not count', visit('E0001', { kind: 'site_inspection' }), 'kind_not_counted', 'kind'],
    ])('refuses %s with 422 naming the reason, appending nothing', async (_label, activity, reason, field) => {
      const before = await eventCount();
      const refused = await record(id, activity).expect(422);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({ code: 'PARTICIPATION.ACTIVITY_REFUSED', reason, field });
      expect(await eventCount()).toBe(before);
    });

    it('refuses a malformed activity with 400 listing every field', async () => {
      const response = await record(id, { ...visit('E0001'), customersMet: -1, kind: 'golf', personName: 'Wang Fang' });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'customersMet',
        'kind',
        'personName',
      ]);
    });

    it('records a bulk upload row by row: good rows kept, each refused one by number and reason', async () => {
      const rows = [
        visit('E0001'),
        visit('E9999'),
        visit('E0002', { kind: 'hotline_shift', customersMet: 12, findings: [] }),
        visit('E0002', { date: '2022-01-03' }),
        visit('E0003', { customersMet: 'three' }),
        visit('E0003', { date: '2021-05-01', kind: 'service_experience' }),
      ];
      const upload = await recordBulk(id, rows).set('Idempotency-Key', 'dept-upload-06').expect(200);
      expect(upload.body).toMatchObject({ campaignId: id, rows: 6, accepted: 3, rejected: 3 });
      expect(upload.body.activities.map((a: { row: number }) => a.row)).toEqual([1, 3, 6]);
      expect(upload.body.rejections).toEqual([
        expect.objectContaining({ row: 2, personId: 'E9999', reason: 'not_on_roster' }),
        expect.objectContaining({ row: 4, personId: 'E0002', reason: 'in_the_future' }),
        expect.objectContaining({ row: 5, personId: 'E0003', reason: 'invalid_customers_met', field: 'customersMet' }),
      ]);

      const before = await eventCount();
      const again = await recordBulk(id, rows).set('Idempotency-Key', 'dept-upload-06').expect(200);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(upload.body);
      expect(await eventCount()).toBe(before);

      const messages = await onTopic(upload.body.submissionId, 3);
      expect(messages.map((m) => m.envelope.data.personId)).toEqual(['E0001', 'E0002', 'E0003']);
      expect(messages.map((m) => m.envelope.data.activityId)).toEqual(
        upload.body.activities.map((a: { activityId: string }) => a.activityId),
      );
      for (const message of messages) {
        for (const name of NAMES) expect(message.value).not.toContain(name);
      }
    });

    it('answers a bulk upload whose every row is refused with the report, appending nothing', async () => {
      const before = await eventCount();
      const upload = await recordBulk(id, [visit('E9999'), 'not an activity']).expect(200);
      expect(upload.body).toMatchObject({ submissionId: null, accepted: 0, rejected: 2 });
      expect(upload.body.rejections.map((r: { reason: string }) => r.reason)).toEqual([
        'not_on_roster',
        'not_an_object',
      ]);
      expect(await eventCount()).toBe(before);
    });
  });

  describe('refusals', () => {
    it('answers 409 naming the current state for a transition, an import or an activity it is not in', async () => {
      const draft = await createCampaign();
      const close = await http().post(`/v1/campaigns/${draft}/closure`).set('Authorization', admin()).expect(409);
      expect(close.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(close.body).toMatchObject({
        code: 'LISTENING_CAMPAIGN.TRANSITION_NOT_ALLOWED',
        currentState: 'draft',
        allowedStates: ['open'],
      });
      await importJson(draft, [person('E0001', 'Wang Fang')]).expect(200);
      const early = await record(draft, visit('E0001')).expect(409);
      expect(early.body).toMatchObject({ command: 'RecordParticipationActivities', currentState: 'draft' });
      const earlyBulk = await recordBulk(draft, [visit('E0001')]).expect(409);
      expect(earlyBulk.body).toMatchObject({ currentState: 'draft' });

      await http().post(`/v1/campaigns/${draft}/opening`).set('Authorization', admin()).expect(200);
      const twice = await http().post(`/v1/campaigns/${draft}/opening`).set('Authorization', admin()).expect(409);
      expect(twice.body).toMatchObject({ currentState: 'open', allowedStates: ['draft'] });
      await http().post(`/v1/campaigns/${draft}/closure`).set('Authorization', admin()).expect(200);
      const late = await importJson(draft, [person('E0002', 'Li Wei')]).expect(409);
      expect(late.body).toMatchObject({ command: 'ImportRoster', currentState: 'closed' });
      const lateActivity = await record(draft, visit('E0001')).expect(201);
      expect(lateActivity.body).toMatchObject({ personId: 'E0001' });
    });

    it('answers 404 for a campaign that does not exist', async () => {
      const missing = '6f1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5';
      const read = await http().get(`/v1/campaigns/${missing}`).set('Authorization', admin()).expect(404);
      expect(read.body).toMatchObject({ code: 'LISTENING_CAMPAIGN.NOT_FOUND' });
      await importJson(missing, [person('E0001', 'Wang Fang')]).expect(404);
      await record(missing, visit('E0001')).expect(404);
    });

    it('answers 412 for a stale If-Match and appends nothing', async () => {
      const id = await createCampaign();
      await http().post(`/v1/campaigns/${id}/opening`).set('Authorization', admin()).expect(200);
      const stale = await http()
        .post(`/v1/campaigns/${id}/closure`)
        .set('Authorization', admin())
        .set('If-Match', '"1"')
        .expect(412);
      expect(stale.body).toMatchObject({ status: 412, currentVersion: 2 });

      await importJson(id, [person('E0001', 'Wang Fang')]).expect(200);
      const before = await eventCount();
      const staleRoster = await importJson(id, [person('E0002', 'Li Wei')])
        .set('If-Match', '"0"')
        .expect(412);
      expect(staleRoster.body).toMatchObject({ code: 'EVENT_STORE.STALE_VERSION', currentVersion: 1 });
      expect(await eventCount()).toBe(before);
    });

    it('answers 400 for a malformed campaign and 422 for a period that ends before it starts', async () => {
      const invalid = await http()
        .post('/v1/campaigns')
        .set('Authorization', admin())
        .send({ ...sixOnes, periodStart: '2021-02-30', activityKinds: ['golf'], owner: 'Wang Fang' })
        .expect(400);
      expect(invalid.body.type).toBe('urn:cx:problem:validation');
      expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'activityKinds',
        'owner',
        'periodStart',
      ]);
      const backwards = await http()
        .post('/v1/campaigns')
        .set('Authorization', admin())
        .send({ ...sixOnes, periodEnd: '2020-12-31' })
        .expect(422);
      expect(backwards.body).toMatchObject({ code: 'LISTENING_CAMPAIGN.RULE_VIOLATED', field: 'periodEnd' });
    });

    it('keeps the 100 kB body limit on routes that are not bulk (413 problem+json)', async () => {
      const response = await http()
        .post('/v1/campaigns')
        .set('Authorization', admin())
        .send({ ...sixOnes, name: 'x'.repeat(200_000) })
        .expect(413);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.type).toBe('urn:cx:problem:payload-too-large');
    });

    it('answers 403 for roles that may not do it, appending nothing', async () => {
      const id = await openCampaign();
      const before = await eventCount();
      await http().post('/v1/campaigns').set('Authorization', hr()).send(sixOnes).expect(403);
      await importJson(id, [person('E0001', 'Wang Fang')], as('m-1', 'manager')).expect(403);
      await record(id, visit('E0001'), hr()).expect(403);
      await http().get(`/v1/campaigns/${id}`).set('Authorization', as('b-1', 'bi_reader')).expect(403);
      await http().post('/v1/campaigns').send(sixOnes).expect(401);
      expect(await eventCount()).toBe(before);
    });
  });

  describe('region scopes', () => {
    const scoped = (scope: string, ...roles: Role[]) =>
      `Bearer ${signToken({ sub: 'regional-1', name: 'regional-1', roles, scope }, config.jwtSecret)}`;
    const east = () => scoped('region:east-china', 'hr', 'campaign_admin');
    const roster = async (auth: string) =>
      (await http().get(`/v1/campaigns/${id}/roster`).set('Authorization', auth).expect(200)).body;
    let id: string;

    beforeAll(async () => {
      id = await openCampaign();
      await importJson(id, [person('S0001', 'Wang Fang'), person('S0002', 'Li Wei', { region: 'north-china' })]).expect(
        200,
      );
    });

    it('lets a regional HR import its region’s people only, as JSON and CSV: the others refused by row number', async () => {
      const json = await importJson(
        id,
        [
          person('S0003', 'Zhang Min'),
          person('S0004', 'Chen Jing', { region: 'north-china' }),
          person('S0002', 'Li Wei-Ming', { region: 'east-china' }),
        ],
        east(),
      ).expect(200);
      expect(json.body).toMatchObject({ rows: 3, accepted: 1, updated: 0, rejected: 2 });
      expect(json.body.rejections).toEqual([
        {
          row: 2,
          personId: 'S0004',
          reason: 'outside_caller_scope',
          field: 'region',
          detail: 'region north-china is outside your scope (region:east-china)',
        },
        {
          row: 3,
          personId: 'S0002',
          reason: 'outside_caller_scope',
          field: 'region',
          detail: 'S0002 is on the roster in a region outside your scope (region:east-china)',
        },
      ]);
      const fromCsv = await http()
        .post(`/v1/campaigns/${id}/roster`)
        .set('Authorization', east())
        .set('Content-Type', 'text/csv')
        .send(
          csv(
            'S0005,Liu Yang,Customer Service,east-china,employee,2019-03-01,',
            'S0006,Zhao Lei,Property Services,south-china,management,2015-06-01,',
          ),
        )
        .expect(200);
      expect(fromCsv.body).toMatchObject({ rows: 2, accepted: 1, rejected: 1 });
      expect(fromCsv.body.rejections).toEqual([
        expect.objectContaining({ row: 2, personId: 'S0006', reason: 'outside_caller_scope', field: 'region' }),
      ]);
      const { rows } = await pool.query(
        'SELECT person_id, name, region FROM roster_entries WHERE campaign_id = $1 ORDER BY person_id',
        [id],
      );
      expect(rows).toEqual([
        { person_id: 'S0001', name: 'Wang Fang', region: 'east-china' },
        { person_id: 'S0002', name: 'Li Wei', region: 'north-china' },
        { person_id: 'S0003', name: 'Zhang Min', region: 'east-china' },
        { person_id: 'S0005', name: 'Liu Yang', region: 'east-china' },
      ]);
    });

    it('counts a regional caller’s roster and records activities for its region’s people only', async () => {
      const whole = await roster(admin());
      expect(whole.people).toBe(4);
      expect(await roster(scoped('region:north-china', 'manager'))).toMatchObject({
        people: 1,
        version: whole.version,
      });
      expect(await roster(scoped('project:SH-PUDONG-07', 'manager'))).toMatchObject({ people: 0 });

      const before = await eventCount();
      const elsewhere = await record(id, visit('S0002'), east()).expect(422);
      const nobody = await record(id, visit('S9999'), east()).expect(422);
      expect(elsewhere.body).toMatchObject({ reason: 'not_on_roster', field: 'personId' });
      expect(elsewhere.body.detail.replace('S0002', 'S9999')).toBe(nobody.body.detail);
      const upload = await http()
        .post(`/v1/campaigns/${id}/activities/bulk`)
        .set('Authorization', east())
        .send([visit('S0003'), visit('S0002')])
        .expect(200);
      expect(upload.body).toMatchObject({ accepted: 1, rejected: 1 });
      expect(upload.body.rejections).toEqual([expect.objectContaining({ row: 2, reason: 'not_on_roster' })]);
      expect(await eventCount()).toBe(before + 1);
      await record(id, visit('S0001'), east()).expect(201);
    });

    it('refuses a regional caller the group-wide operations (403 naming its scope); it may read the campaign', async () => {
      const draft = await createCampaign();
      const before = await eventCount();
      const created = await http().post('/v1/campaigns').set('Authorization', east()).send(sixOnes).expect(403);
      expect(created.body).toMatchObject({
        code: 'LISTENING_CAMPAIGN.GROUP_WIDE_OPERATION',
        operation: 'CreateListeningCampaign',
        scope: 'region:east-china',
      });
      await http().post(`/v1/campaigns/${draft}/opening`).set('Authorization', east()).expect(403);
      await http().post(`/v1/campaigns/${id}/closure`).set('Authorization', east()).expect(403);
      expect(await eventCount()).toBe(before);
      await http().get(`/v1/campaigns/${id}`).set('Authorization', east()).expect(200);

      await http().post(`/v1/campaigns/${id}/closure`).set('Authorization', admin()).expect(200);
      const disclosed = await http().post(`/v1/campaigns/${id}/disclosures`).set('Authorization', admin()).expect(201);
      const disclosure = `/v1/campaigns/${id}/disclosures/${disclosed.body.disclosureId}`;
      const frozen = await eventCount();
      await http().post(`/v1/campaigns/${id}/disclosures`).set('Authorization', east()).expect(403);
      await http().get(disclosure).set('Authorization', east()).expect(403);
      await http().get(`${disclosure}/evidence`).set('Authorization', east()).expect(403);
      expect(await eventCount()).toBe(frozen);
    });
  });

  it('serves health, readiness and the OpenAPI document with its routes', async () => {
    const ready = await http().get('/health/ready').expect(200);
    expect(ready.body.checks).toEqual({ database: 'up', kafka: 'up' });
    const docs = await http().get('/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/campaigns',
        '/v1/campaigns/{campaignId}',
        '/v1/campaigns/{campaignId}/opening',
        '/v1/campaigns/{campaignId}/closure',
        '/v1/campaigns/{campaignId}/roster',
        '/v1/campaigns/{campaignId}/activities',
        '/v1/campaigns/{campaignId}/activities/bulk',
      ]),
    );
  });
});
