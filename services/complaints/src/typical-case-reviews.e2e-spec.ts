import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { signToken, Role } from '@cx/auth';
import { namespacedTopic, Topics } from '@cx/contracts';
import type { ServiceConfig } from '@cx/platform';
import { eventually, testServiceConfig, TestDatabase, TopicReader } from '@cx/testing';
import { Pool } from 'pg';
import request from 'supertest';
import { createComplaintsApp } from './complaints.app';

const validComplaint = {
  customerId: 'subj_7Hq2kLm9Xa',
  project: 'SH-PUDONG-07',
  region: 'east-china',
  category: 'housing_quality',
  severity: 'high',
  channel: 'hotline',
  description: 'Water leaks through the bathroom ceiling since delivery.',
};
const reason = 'Third bathroom-ceiling leak in phase 2 within a month';
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('typical-case reviews over HTTP (real Postgres, real Kafka)', () => {
  let app: INestApplication;
  let config: ServiceConfig;
  let database: TestDatabase;
  let pool: Pool;
  let topic: TopicReader;
  const as = (sub: string, ...roles: Role[]) => `Bearer ${signToken({ sub, name: sub, roles }, config.jwtSecret)}`;
  const reviewer = () => as('reviewer-3', 'reviewer');
  const owner = () => as('pm-east-12', 'manager');
  const http = () => request(app.getHttpServer());
  const eventCount = async () => Number((await pool.query('SELECT count(*) FROM events')).rows[0].count);
  const typesOf = async (streamId: string) =>
    (await pool.query('SELECT type FROM events WHERE stream_id = $1 ORDER BY stream_version', [streamId])).rows.map(
      (r) => r.type,
    );

  const fileComplaint = async () =>
    (await http().post('/v1/complaints').set('Authorization', as('agent-7', 'agent')).send(validComplaint).expect(201))
      .body.complaintId as string;
  const mark = (complaintId: string, auth = reviewer()) =>
    http().post('/v1/typical-case-reviews').set('Authorization', auth).send({ complaintId, reason });
  const openReview = async () => (await mark(await fileComplaint()).expect(201)).body.reviewId as string;
  const post = (reviewId: string, path: string, body: object = {}, auth = reviewer()) =>
    http().post(`/v1/typical-case-reviews/${reviewId}/${path}`).set('Authorization', auth).send(body);
  const action = (ownerId = 'pm-east-12') => ({
    description: 'Add a waterproofing inspection to the pre-handover checklist',
    ownerId,
    dueDate: inDays(30),
  });

  beforeAll(async () => {
    ({ config, database } = await testServiceConfig('complaints_reviews'));
    app = await createComplaintsApp(config);
    await app.init();
    pool = new Pool({ connectionString: config.databaseUrl });
    topic = await new TopicReader(
      config.kafkaBrokers,
      namespacedTopic(Topics.complaints, config.topicNamespace),
    ).start();
  });

  afterAll(async () => {
    await topic?.stop();
    await pool?.end();
    await app?.close();
    await database?.drop();
  });

  it('runs a review from marking to conclusion, every step an event on cx.complaints.events', async () => {
    const complaintId = await fileComplaint();
    const marked = await http()
      .post('/v1/typical-case-reviews')
      .set('Authorization', reviewer())
      .set('X-Correlation-Id', 'review-board-2026-11')
      .set('Idempotency-Key', `board-${randomUUID()}`)
      .send({ complaintId, reason })
      .expect(201);
    const id = marked.body.reviewId;
    expect(marked.headers.location).toBe(`/v1/typical-case-reviews/${id}`);
    expect(marked.headers.etag).toBe('"1"');
    expect(marked.body).toMatchObject({
      status: 'open',
      complaintId,
      project: 'SH-PUDONG-07',
      region: 'east-china',
      category: 'housing_quality',
      severity: 'high',
      reason,
      markedBy: 'reviewer-3',
      rootCause: null,
      actions: [],
      version: 1,
    });

    const read = await http().get(`/v1/typical-case-reviews/${id}`).set('Authorization', as('a-1', 'auditor'));
    expect(read.status).toBe(200);
    expect(read.headers.etag).toBe('"1"');

    await post(id, 'root-cause', { rootCauseCategory: 'construction_quality', businessProblem: 'Rushed handover' })
      .set('If-Match', '"1"')
      .expect(200);
    const revised = await post(id, 'root-cause', {
      rootCauseCategory: 'supplier',
      businessProblem: 'Membrane supplier delivered an out-of-spec batch',
    })
      .set('If-Match', '"2"')
      .expect(200);
    expect(revised.headers.etag).toBe('"3"');
    expect(revised.body.rootCause).toMatchObject({ category: 'supplier' });

    const first = await post(id, 'actions', action()).expect(201);
    expect(first.headers.etag).toBe('"4"');
    expect(first.body.actions).toEqual([
      expect.objectContaining({ actionId: first.body.actionId, ownerId: 'pm-east-12', status: 'open' }),
    ]);
    const second = (await post(id, 'actions', action('pm-west-4')).expect(201)).body.actionId;
    const firstId = first.body.actionId;

    const early = await post(id, 'conclusion', { conclusion: 'Too soon' }).expect(409);
    expect(early.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(early.body).toMatchObject({
      code: 'TYPICAL_CASE_REVIEW.NOT_READY_TO_CONCLUDE',
      currentState: 'open',
      rule: 'every improvement action must be verified',
      unverifiedActions: [
        { actionId: firstId, status: 'open' },
        { actionId: second, status: 'open' },
      ],
    });

    await post(id, `actions/${firstId}/completion`, { note: 'Checklist rolled out to all sites' }, owner()).expect(200);
    const notTheirs = await post(id, `actions/${second}/completion`, { note: 'Done' }, owner()).expect(403);
    expect(notTheirs.body.code).toBe('TYPICAL_CASE_REVIEW.NOT_THE_ACTION_OWNER');
    await post(id, `actions/${second}/completion`, { note: 'Supplier audit done' }).expect(200);
    await post(id, `actions/${firstId}/verification`).expect(200);
    const sentBack = await post(id, `actions/${second}/sending-back`, { reason: 'No audit report attached' }).expect(
      200,
    );
    expect(sentBack.body.actions[1]).toMatchObject({ actionId: second, status: 'open' });
    const notCompleted = await post(id, `actions/${second}/verification`).expect(409);
    expect(notCompleted.body).toMatchObject({ code: 'TYPICAL_CASE_REVIEW.ACTION_CONFLICT', currentState: 'open' });
    await post(id, `actions/${second}/completion`, { note: 'Audit report filed' }).expect(200);
    await post(id, `actions/${second}/verification`).expect(200);
    const concluded = await post(id, 'conclusion', { conclusion: 'Audit membrane batches before use' }).expect(200);

    expect(concluded.headers.etag).toBe('"12"');
    expect(concluded.body).toMatchObject({
      status: 'concluded',
      conclusion: 'Audit membrane batches before use',
      actions: [{ status: 'verified' }, { status: 'verified' }],
    });
    expect(concluded.body.actions[1].steps.map((s: { step: string }) => s.step)).toEqual([
      'added',
      'completed',
      'sent_back',
      'completed',
      'verified',
    ]);
    const types = [
      'TypicalCaseMarked',
      'RootCauseRecorded',
      'RootCauseRecorded',
      'ImprovementActionAdded',
      'ImprovementActionAdded',
      'ImprovementActionCompleted',
      'ImprovementActionCompleted',
      'ImprovementActionVerified',
      'ImprovementActionSentBack',
      'ImprovementActionCompleted',
      'ImprovementActionVerified',
      'TypicalCaseReviewConcluded',
    ];
    expect(await typesOf(id)).toEqual(types);

    const messages = await eventually(() => {
      const found = topic.messages.filter((m) => m.key === id);
      if (found.length < types.length) throw new Error('not all on the topic yet');
      return found;
    });
    const envelopes = messages.map((m) => JSON.parse(m.value!));
    expect(envelopes.map((e) => e.type)).toEqual(types);
    expect(envelopes[0]).toMatchObject({
      schemaVersion: 1,
      streamId: id,
      streamType: 'TypicalCaseReview',
      streamVersion: 1,
      correlationId: 'review-board-2026-11',
      actor: { type: 'user', id: 'reviewer-3' },
      data: { reviewId: id, complaintId, project: 'SH-PUDONG-07', severity: 'high', markedBy: 'reviewer-3' },
    });
    expect(messages[0].headers).toMatchObject({ 'event-type': 'TypicalCaseMarked', 'schema-version': '1' });
    for (const message of messages) {
      expect(message.value).not.toContain(validComplaint.customerId);
      expect(message.value).not.toContain('Water leaks');
    }

    const afterwards = await post(id, 'actions', action()).expect(409);
    expect(afterwards.body).toMatchObject({
      code: 'TYPICAL_CASE_REVIEW.TRANSITION_NOT_ALLOWED',
      currentState: 'concluded',
    });
  });

  describe('one review per complaint', () => {
    it('answers 409 naming the existing review, appending nothing', async () => {
      const complaintId = await fileComplaint();
      const first = await mark(complaintId).expect(201);
      const before = await eventCount();
      const second = await mark(complaintId, as('reviewer-8', 'reviewer')).expect(409);
      expect(second.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(second.body).toMatchObject({
        code: 'TYPICAL_CASE_REVIEW.COMPLAINT_ALREADY_UNDER_REVIEW',
        complaintId,
        existingReviewId: first.body.reviewId,
      });
      expect(await eventCount()).toBe(before);
    });

    it('lets exactly one of concurrent markings win', async () => {
      const complaintId = await fileComplaint();
      const before = await eventCount();
      const statuses = (await Promise.all([mark(complaintId), mark(complaintId), mark(complaintId)]))
        .map((r) => r.status)
        .sort();
      expect(statuses).toEqual([201, 409, 409]);
      expect(await eventCount()).toBe(before + 1);
    });

    it('returns the first result for a repeated Idempotency-Key instead of a conflict', async () => {
      const complaintId = await fileComplaint();
      const key = `board-${randomUUID()}`;
      const send = () =>
        http()
          .post('/v1/typical-case-reviews')
          .set('Authorization', reviewer())
          .set('Idempotency-Key', key)
          .send({ complaintId, reason });
      const first = await send().expect(201);
      const before = await eventCount();
      const again = await send().expect(201);
      expect(again.body.reviewId).toBe(first.body.reviewId);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(await eventCount()).toBe(before);
    });
  });

  describe('bad input', () => {
    it.each([
      ['an unknown field', { reason, customerId: 'subj_7Hq2kLm9Xa' }, 400, 'customerId'],
      ['a missing reason', {}, 400, 'reason'],
      ['a reason over 500 characters', { reason: 'x'.repeat(501) }, 400, 'reason'],
      ['a complaint id that is not a uuid', { reason, complaintId: 'C-2026-0001' }, 400, 'complaintId'],
      ['a complaint that does not exist', { reason, complaintId: randomUUID() }, 422, 'complaintId'],
    ])('refuses to mark with %s, naming the field, appending nothing', async (_label, body, status, field) => {
      const complaintId = await fileComplaint();
      const before = await eventCount();
      const response = await http()
        .post('/v1/typical-case-reviews')
        .set('Authorization', reviewer())
        .send({ complaintId, ...body })
        .expect(status);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      const fields = response.body.errors?.map((e: { field: string }) => e.field) ?? [response.body.field];
      expect(fields).toContain(field);
      expect(await eventCount()).toBe(before);
    });

    it.each([
      [
        'an unknown root cause category',
        'root-cause',
        { rootCauseCategory: 'bad_luck', businessProblem: 'x' },
        400,
        'rootCauseCategory',
      ],
      [
        'a root cause without the business problem',
        'root-cause',
        { rootCauseCategory: 'process' },
        400,
        'businessProblem',
      ],
      ['a due date in the past', 'actions', { ...action(), dueDate: '2020-01-31' }, 422, 'dueDate'],
      ['a due date that is no date', 'actions', { ...action(), dueDate: '2026-02-30' }, 400, 'dueDate'],
      ['a due date with a time', 'actions', { ...action(), dueDate: '2030-01-31T00:00:00Z' }, 400, 'dueDate'],
      ['an owner that is a name', 'actions', { ...action(), ownerId: 'Li Wei' }, 400, 'ownerId'],
      ['an empty conclusion', 'conclusion', { conclusion: '' }, 400, 'conclusion'],
    ])('refuses %s, naming the field, appending nothing', async (_label, path, body, status, field) => {
      const id = await openReview();
      const before = await eventCount();
      const response = await post(id, path, body).expect(status);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      const fields = response.body.errors?.map((e: { field: string }) => e.field) ?? [response.body.field];
      expect(fields).toContain(field);
      expect(await eventCount()).toBe(before);
    });

    it('answers 409 naming the rule when concluding without a root cause, appending nothing', async () => {
      const id = await openReview();
      const before = await eventCount();
      const response = await post(id, 'conclusion', { conclusion: 'Nothing found' }).expect(409);
      expect(response.body).toMatchObject({
        type: 'urn:cx:problem:typical-case-review-not-ready-to-conclude',
        currentState: 'open',
        rule: 'a root cause must be recorded first',
      });
      expect(await eventCount()).toBe(before);
    });

    it('answers 404 for an unknown review or action', async () => {
      const unknown = await http()
        .get(`/v1/typical-case-reviews/${randomUUID()}`)
        .set('Authorization', reviewer())
        .expect(404);
      expect(unknown.body.code).toBe('TYPICAL_CASE_REVIEW.NOT_FOUND');
      await post(randomUUID(), 'root-cause', { rootCauseCategory: 'process', businessProblem: 'x' }).expect(404);
      const id = await openReview();
      const noAction = await post(id, `actions/${randomUUID()}/verification`).expect(404);
      expect(noAction.body.code).toBe('TYPICAL_CASE_REVIEW.ACTION_NOT_FOUND');
    });
  });

  describe('If-Match', () => {
    it('answers 412 for a stale version and appends nothing', async () => {
      const id = await openReview();
      await post(id, 'root-cause', { rootCauseCategory: 'process', businessProblem: 'No inspection step' }).expect(200);
      const response = await post(id, 'actions', action()).set('If-Match', '"1"').expect(412);
      expect(response.body).toMatchObject({ status: 412, currentVersion: 2 });
      expect(await typesOf(id)).toEqual(['TypicalCaseMarked', 'RootCauseRecorded']);
    });

    it('lets exactly one of two updates on the same version win', async () => {
      const id = await openReview();
      const add = () => post(id, 'actions', action()).set('If-Match', '"1"');
      const statuses = (await Promise.all([add(), add()])).map((r) => r.status).sort();
      expect(statuses).toEqual([201, 412]);
      expect(await typesOf(id)).toEqual(['TypicalCaseMarked', 'ImprovementActionAdded']);
    });
  });

  describe('roles', () => {
    it('answers 403 to an agent marking a typical case, appending nothing', async () => {
      const complaintId = await fileComplaint();
      const before = await eventCount();
      const response = await mark(complaintId, as('agent-7', 'agent')).expect(403);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(await eventCount()).toBe(before);
    });

    it.each([
      [
        'a manager recording a root cause',
        'root-cause',
        { rootCauseCategory: 'process', businessProblem: 'x' },
        'manager',
      ],
      ['the CEO office adding an action', 'actions', action(), 'ceo_office'],
      ['an auditor concluding', 'conclusion', { conclusion: 'x' }, 'auditor'],
    ] as [string, string, object, Role][])('answers 403 to %s, appending nothing', async (_label, path, body, role) => {
      const id = await openReview();
      const before = await eventCount();
      const response = await post(id, path, body, as('u-1', role)).expect(403);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(await eventCount()).toBe(before);
    });

    it('lets managers, the CEO office and auditors read a review, but not agents', async () => {
      const id = await openReview();
      for (const role of ['manager', 'ceo_office', 'auditor'] as Role[]) {
        await http().get(`/v1/typical-case-reviews/${id}`).set('Authorization', as('u-1', role)).expect(200);
      }
      await http().get(`/v1/typical-case-reviews/${id}`).set('Authorization', as('agent-7', 'agent')).expect(403);
    });
  });

  it('documents the routes in the OpenAPI document', async () => {
    const docs = await http().get('/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/typical-case-reviews',
        '/v1/typical-case-reviews/{reviewId}',
        '/v1/typical-case-reviews/{reviewId}/actions/{actionId}/completion',
      ]),
    );
  });
});
