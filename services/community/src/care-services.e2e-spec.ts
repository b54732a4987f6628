import type { INestApplication } from '@nestjs/common';
import { Role, signToken } from '@cx/auth';
import { namespacedTopic, Topics } from '@cx/contracts';
import { ManualClock, ServiceConfig } from '@cx/platform';
import { eventually, testServiceConfig, TestDatabase, TopicReader } from '@cx/testing';
import { Pool } from 'pg';
import request from 'supertest';
import { createCommunityApp } from './community.app';

const beijing = (local: string) => new Date(`${local}+08:00`);
const monday = beijing('2026-05-04T09:00:00');
const community = 'SH-PUDONG-07';
const elder = 'subj_ElderMrsZhou01';
const family = 'subj_NewFamilyWu002';
const stranger = 'subj_FromElsewhere1';

describe('"Love Care" services over HTTP (real Postgres, real Kafka)', () => {
  let app: INestApplication;
  let config: ServiceConfig;
  let database: TestDatabase;
  let pool: Pool;
  let topic: TopicReader;
  const clock = new ManualClock(monday);
  const as = (sub: string, ...roles: Role[]) => `Bearer ${signToken({ sub, name: sub, roles }, config.jwtSecret)}`;
  const staff = () => as('cs-love-care-1', 'community_staff');
  const agent = () => as('callcentre-2', 'agent');
  const http = () => request(app.getHttpServer());
  const eventCount = async () => Number((await pool.query('SELECT count(*) FROM events')).rows[0].count);
  const requestCare = (body: object, auth = agent()) =>
    http().post('/v1/care-services').set('Authorization', auth).send(body);
  const post = (id: string, path: string, body: object = {}, auth = staff()) =>
    http().post(`/v1/care-services/${id}/${path}`).set('Authorization', auth).send(body);
  const fieldsOf = (body: { errors?: { field: string }[]; field?: string }) =>
    body.errors?.map((e) => e.field) ?? [body.field];

  beforeAll(async () => {
    ({ config, database } = await testServiceConfig('community_care'));
    app = await createCommunityApp(config, { clock, offerCheckIntervalMs: 3_600_000 });
    await app.init();
    pool = new Pool({ connectionString: config.databaseUrl });
    topic = await new TopicReader(
      config.kafkaBrokers,
      namespacedTopic(Topics.community, config.topicNamespace),
    ).start();
    await http()
      .post(`/v1/communities/${community}/residents`)
      .set('Authorization', staff())
      .send({ residents: [{ residentId: elder, elderlyCare: true }, { residentId: family }] })
      .expect(200);
  });

  afterAll(async () => {
    await topic?.stop();
    await pool?.end();
    await app?.close();
    await database?.drop();
  });

  beforeEach(() => clock.set(monday));

  it('carries a newborn visit from request to rating, each step an event on cx.community.events', async () => {
    const requested = await requestCare({ community, residentId: family, serviceKind: 'newborn_visit' })
      .set('Idempotency-Key', 'crm-4471')
      .expect(201);
    const id = requested.body.careServiceId;
    expect(requested.headers.location).toBe(`/v1/care-services/${id}`);
    expect(requested.body).toMatchObject({
      community,
      residentId: family,
      serviceKind: 'newborn_visit',
      recurrence: null,
      status: 'requested',
      requestedBy: 'callcentre-2',
      assigneeId: null,
      visits: [],
      version: 1,
    });
    const replay = await requestCare({ community, residentId: family, serviceKind: 'newborn_visit' })
      .set('Idempotency-Key', 'crm-4471')
      .expect(201);
    expect(replay.body.careServiceId).toBe(id);

    await post(id, 'assignment', { assigneeId: 'cs-nurse-3' }).set('If-Match', '"1"').expect(200);
    await post(id, 'visits', { scheduledFor: '2026-05-06T15:00:00+08:00' }).expect(200);
    clock.set(beijing('2026-05-06T16:10:00'));
    const completed = await post(id, 'visits/1/completion').expect(200);
    expect(completed.body).toMatchObject({
      status: 'completed',
      visits: [{ visitNumber: 1, scheduledFor: '2026-05-06T07:00:00.000Z', completedAt: '2026-05-06T08:10:00.000Z' }],
    });
    const rated = await post(id, 'visits/1/rating', { rating: 5 }, agent()).expect(200);
    expect(rated.body.visits[0].rating).toBe(5);
    expect(rated.headers.etag).toBe('"5"');
    const before = await eventCount();
    const twice = await post(id, 'visits/1/rating', { rating: 4 }, agent()).expect(409);
    expect(twice.body).toMatchObject({ code: 'CARE_SERVICE.VISIT_CONFLICT', visitNumber: 1, currentState: 'rated' });
    await post(id, 'ending', { reason: 'no_longer_needed' }).expect(409);
    expect(await eventCount()).toBe(before);

    const types = [
      'CareServiceRequested',
      'CareServiceAssigned',
      'CareVisitScheduled',
      'CareVisitCompleted',
      'CareVisitRated',
    ];
    const messages = await eventually(() => {
      const found = topic.messages.filter((m) => m.key === id).map((m) => JSON.parse(m.value!));
      if (found.length < types.length) throw new Error('not all on the topic yet');
      return found;
    }, 30_000);
    expect(messages.map((m) => m.type)).toEqual(types);
    expect(messages[0]).toMatchObject({
      streamType: 'CareService',
      data: { careServiceId: id, community, residentId: family, serviceKind: 'newborn_visit', recurrence: null },
    });
    expect(messages[1].data).toEqual({
      careServiceId: id,
      community,
      assigneeId: 'cs-nurse-3',
      assignedAt: monday.toISOString(),
    });
  });

  it('keeps a weekly elderly check-in going: each completed visit books the next, until it is ended', async () => {
    const id = (
      await requestCare({ community, residentId: elder, serviceKind: 'elderly_check_in', recurrence: 'weekly' }).expect(
        201,
      )
    ).body.careServiceId;
    await post(id, 'assignment', { assigneeId: 'cs-nurse-3' }).expect(200);
    await post(id, 'visits', { scheduledFor: '2026-05-05T10:00:00+08:00' }).expect(200);

    clock.set(beijing('2026-05-05T11:00:00'));
    const first = await post(id, 'visits/1/completion').expect(200);
    expect(first.body).toMatchObject({ status: 'scheduled', recurrence: 'weekly' });
    expect(first.body.visits).toEqual([
      {
        visitNumber: 1,
        scheduledFor: '2026-05-05T02:00:00.000Z',
        completedAt: '2026-05-05T03:00:00.000Z',
        rating: null,
      },
      { visitNumber: 2, scheduledFor: '2026-05-12T02:00:00.000Z', completedAt: null, rating: null },
    ]);
    await post(id, 'visits/1/rating', { rating: 4 }, agent()).expect(200);
    await post(id, 'visits/2/rating', { rating: 4 }, agent()).expect(409);

    clock.set(beijing('2026-05-12T10:40:00'));
    const second = await post(id, 'visits/2/completion').expect(200);
    expect(
      second.body.visits.map((v: { visitNumber: number; scheduledFor: string }) => [v.visitNumber, v.scheduledFor]),
    ).toEqual([
      [1, '2026-05-05T02:00:00.000Z'],
      [2, '2026-05-12T02:00:00.000Z'],
      [3, '2026-05-19T02:00:00.000Z'],
    ]);
    const ended = await post(id, 'ending', { reason: 'moved_away' }).expect(200);
    expect(ended.body).toMatchObject({ status: 'ended', endReason: 'moved_away', endedAt: clock.now().toISOString() });
    const after = await post(id, 'visits/3/completion').expect(409);
    expect(after.body).toMatchObject({ code: 'CARE_SERVICE.TRANSITION_NOT_ALLOWED', currentState: 'ended' });

    const { rows } = await pool.query('SELECT type, data FROM events WHERE stream_id = $1 ORDER BY stream_version', [
      id,
    ]);
    expect(rows.map((r) => [r.type, r.data.visitNumber ?? null])).toEqual([
      ['CareServiceRequested', null],
      ['CareServiceAssigned', null],
      ['CareVisitScheduled', 1],
      ['CareVisitCompleted', 1],
      ['CareVisitScheduled', 2],
      ['CareVisitRated', 1],
      ['CareVisitCompleted', 2],
      ['CareVisitScheduled', 3],
      ['CareServiceEnded', null],
    ]);
  });

  describe('bad input: a clear 4xx, and nothing changed', () => {
    it.each([
      ['a resident not on the register', { residentId: stranger }, 422, 'residentId'],
      [
        'recurring for a resident not on the elderly care register',
        { residentId: family, recurrence: 'weekly' },
        422,
        'recurrence',
      ],
      ['recurring newborn visits', { serviceKind: 'newborn_visit', recurrence: 'monthly' }, 422, 'recurrence'],
      ['an unknown service', { serviceKind: 'dog_walking' }, 400, 'serviceKind'],
      ['an unknown recurrence', { recurrence: 'daily' }, 400, 'recurrence'],
      ['a name in place of the subject id', { residentId: 'Zhou Meiling' }, 400, 'residentId'],
      ['an unknown field', { notes: 'Lives alone on the 6th floor' }, 400, 'notes'],
    ])('refuses a request for %s, naming the field', async (_label, changes, status, field) => {
      const before = await eventCount();
      const response = await requestCare({ community, residentId: elder, serviceKind: 'elderly_check_in', ...changes });
      expect(response.status).toBe(status);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(fieldsOf(response.body)).toContain(field);
      expect(await eventCount()).toBe(before);
    });

    it('refuses a visit in the past (422), one before assignment (409) and a rating out of range (400)', async () => {
      const id = (await requestCare({ community, residentId: family, serviceKind: 'moving_in_assistance' }).expect(201))
        .body.careServiceId;
      const before = await eventCount();
      const unassigned = await post(id, 'visits', { scheduledFor: '2026-05-06T15:00:00+08:00' }).expect(409);
      expect(unassigned.body).toMatchObject({ currentState: 'requested', allowedStates: ['assigned', 'scheduled'] });
      await post(id, 'assignment', { assigneeId: 'Li Wei' }).expect(400);
      expect(await eventCount()).toBe(before);
      await post(id, 'assignment', { assigneeId: 'cs-helper-9' }).expect(200);
      const past = await post(id, 'visits', { scheduledFor: '2026-05-04T08:00:00+08:00' }).expect(422);
      expect(past.body).toMatchObject({ code: 'CARE_SERVICE.RULE_VIOLATED', field: 'scheduledFor' });
      await post(id, 'visits', { scheduledFor: '2026-05-05T08:00:00+08:00' }).expect(200);
      clock.set(beijing('2026-05-05T09:00:00'));
      await post(id, 'visits/1/completion').expect(200);
      const outOfRange = await post(id, 'visits/1/rating', { rating: 6 }, agent()).expect(400);
      expect(fieldsOf(outOfRange.body)).toEqual(['rating']);
      await post(id, 'visits/2/rating', { rating: 5 }, agent()).expect(404);
    });
  });

  describe('region and project scopes', () => {
    const scoped = (scope: string) =>
      `Bearer ${signToken({ sub: 'cs-scoped', name: 'cs-scoped', roles: ['community_staff', 'agent'], scope }, config.jwtSecret)}`;

    it('requests in the caller’s communities only (403 elsewhere); another community’s service is 404, before If-Match', async () => {
      const id = (
        await requestCare(
          { community, residentId: family, serviceKind: 'newborn_visit' },
          scoped(`project:${community}`),
        ).expect(201)
      ).body.careServiceId;
      const tianhe = scoped('project:GZ-TIANHE-02');
      const before = await eventCount();
      const refused = await requestCare({ community, residentId: family, serviceKind: 'newborn_visit' }, tianhe).expect(
        403,
      );
      expect(refused.body).toMatchObject({
        code: 'COMMUNITY.OUTSIDE_CALLER_SCOPE',
        community,
        scope: 'project:GZ-TIANHE-02',
      });
      const read = await http().get(`/v1/care-services/${id}`).set('Authorization', tianhe).expect(404);
      expect(read.body.code).toBe('CARE_SERVICE.NOT_FOUND');
      for (const [path, body] of [
        ['assignment', { assigneeId: 'cs-nurse-3' }],
        ['visits', { scheduledFor: '2026-05-06T15:00:00+08:00' }],
        ['visits/1/completion', {}],
        ['visits/1/rating', { rating: 1 }],
        ['ending', { reason: 'other' }],
      ] as const) {
        const response = await post(id, path, body, tianhe).set('If-Match', '"99"');
        expect({ path, status: response.status, code: response.body.code }).toEqual({
          path,
          status: 404,
          code: 'CARE_SERVICE.NOT_FOUND',
        });
      }
      expect(await eventCount()).toBe(before);
      await post(id, 'assignment', { assigneeId: 'cs-nurse-3' }, scoped(`project:${community}`))
        .set('If-Match', '"1"')
        .expect(200);
    });
  });

  describe('roles', () => {
    it('answers 403 to roles that may not act, appending nothing; readers may read', async () => {
      const id = (await requestCare({ community, residentId: family, serviceKind: 'accessibility_help' }).expect(201))
        .body.careServiceId;
      const before = await eventCount();
      await requestCare({ community, residentId: family, serviceKind: 'newborn_visit' }, as('m-1', 'manager')).expect(
        403,
      );
      await post(id, 'assignment', { assigneeId: 'cs-nurse-3' }, agent()).expect(403);
      await post(id, 'ending', { reason: 'other' }, as('a-1', 'auditor')).expect(403);
      expect(await eventCount()).toBe(before);
      for (const role of ['manager', 'ceo_office', 'auditor'] as Role[]) {
        await http().get(`/v1/care-services/${id}`).set('Authorization', as('u-1', role)).expect(200);
      }
      await http().get(`/v1/care-services/${id}`).set('Authorization', as('h-1', 'hr')).expect(403);
    });
  });
});
