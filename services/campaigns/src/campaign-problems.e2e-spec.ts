import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { signToken, Role } from '@cx/auth';
import { namespacedTopic, Topics } from '@cx/contracts';
import { ManualClock, ServiceConfig } from '@cx/platform';
import { eventually, testServiceConfig, TestDatabase, TopicReader } from '@cx/testing';
import { Pool } from 'pg';
import request from 'supertest';
import { createCampaignsApp } from './campaigns.app';

// Midday on 15 June 2021 in Beijing, half-way through the 2021 campaign.
const now = new Date('2021-06-15T04:00:00.000Z');
const sixOnes = {
  name: 'Six Ones 2021',
  periodStart: '2021-01-01',
  periodEnd: '2021-12-31',
  activityKinds: ['customer_visit', 'service_experience'],
};
const findings = ['Lift lobby tiles cracked in block 3', 'Parcel room closes before owners get home'];
const roster = [
  {
    personId: 'E0001',
    name: 'Wang Fang',
    department: 'Customer Service',
    region: 'east-china',
    segment: 'employee',
    employedFrom: '2019-03-01',
  },
];
const complaintId = '0f8e3f5e-8a8e-4c55-9a55-6f2b0c7d1a11';
const reviewId = '2c4e6a8b-1d3f-4a5b-9c7d-8e9f0a1b2c3d';
const action = (ownerId = 'pm-east-12') => ({
  description: 'Open the parcel room until 22:00 on weekdays',
  ownerId,
  dueDate: '2021-07-31',
});

describe('campaign problems over HTTP (real Postgres, real Kafka)', () => {
  let app: INestApplication;
  let config: ServiceConfig;
  let database: TestDatabase;
  let pool: Pool;
  let topic: TopicReader;
  let campaignId: string;
  const as = (sub: string, ...roles: Role[]) => `Bearer ${signToken({ sub, name: sub, roles }, config.jwtSecret)}`;
  const admin = () => as('campaign-admin-1', 'campaign_admin');
  const owner = () => as('pm-east-12', 'manager');
  const http = () => request(app.getHttpServer());
  const eventCount = async () => Number((await pool.query('SELECT count(*) FROM events')).rows[0].count);
  const typesOf = async (streamId: string) =>
    (await pool.query('SELECT type FROM events WHERE stream_id = $1 ORDER BY stream_version', [streamId])).rows.map(
      (r) => r.type,
    );
  const onTopic = (key: string, count: number) =>
    eventually(() => {
      const found = topic.messages.filter((m) => m.key === key);
      if (found.length < count) throw new Error(`${found.length} of ${count} on the topic yet`);
      return found.map((m) => ({ ...m, envelope: JSON.parse(m.value!) }));
    }, 30_000);

  const createCampaign = async () =>
    (await http().post('/v1/campaigns').set('Authorization', admin()).send(sixOnes).expect(201)).body
      .campaignId as string;
  const openCampaign = async () => {
    const id = await createCampaign();
    await http().post(`/v1/campaigns/${id}/opening`).set('Authorization', admin()).expect(200);
    await http().post(`/v1/campaigns/${id}/roster`).set('Authorization', as('hr-2', 'hr')).send(roster).expect(200);
    return id;
  };
  const recordActivity = async (campaign = campaignId) =>
    (
      await http()
        .post(`/v1/campaigns/${campaign}/activities`)
        .set('Authorization', admin())
        .send({
          personId: 'E0001',
          kind: 'customer_visit',
          date: '2021-06-10',
          customersMet: 4,
          scenario: 'Handover inspection walk with owners',
          findings,
        })
        .expect(201)
    ).body.activityId as string;
  const problemFrom = (activityId: string, findingIndex = 1) => ({
    activityId,
    findingIndex,
    category: 'property_service',
    ownerId: 'pm-east-12',
    dueDate: '2021-08-31',
  });
  const raise = (body: object, auth = admin(), campaign = campaignId) =>
    http().post(`/v1/campaigns/${campaign}/problems`).set('Authorization', auth).send(body);
  const raiseProblem = async () =>
    (await raise(problemFrom(await recordActivity())).expect(201)).body.problemId as string;
  const post = (problemId: string, path: string, body: object = {}, auth = admin()) =>
    http().post(`/v1/campaigns/${campaignId}/problems/${problemId}/${path}`).set('Authorization', auth).send(body);
  const fieldsOf = (body: { errors?: { field: string }[]; field?: string }) =>
    body.errors?.map((e) => e.field) ?? [body.field];

  beforeAll(async () => {
    ({ config, database } = await testServiceConfig('campaign_problems'));
    app = await createCampaignsApp(config, { clock: new ManualClock(now) });
    await app.init();
    pool = new Pool({ connectionString: config.databaseUrl });
    topic = await new TopicReader(
      config.kafkaBrokers,
      namespacedTopic(Topics.campaigns, config.topicNamespace),
    ).start();
    campaignId = await openCampaign();
  });

  afterAll(async () => {
    await topic?.stop();
    await pool?.end();
    await app?.close();
    await database?.drop();
  });

  it('raises a finding as a problem and follows it to closure, every step an event on cx.campaigns.events', async () => {
    const activityId = await recordActivity();
    const raised = await raise(problemFrom(activityId))
      .set('X-Correlation-Id', 'six-ones-2021-follow-up')
      .set('Idempotency-Key', 'finding-triage-0615')
      .expect(201);
    const id = raised.body.problemId;
    expect(raised.headers.location).toBe(`/v1/campaigns/${campaignId}/problems/${id}`);
    expect(raised.headers.etag).toBe('"1"');
    expect(raised.body).toEqual({
      problemId: id,
      campaignId,
      status: 'open',
      activityId,
      findingIndex: 1,
      description: 'Parcel room closes before owners get home',
      category: 'property_service',
      ownerId: 'pm-east-12',
      dueDate: '2021-08-31',
      raisedBy: 'campaign-admin-1',
      raisedAt: now.toISOString(),
      links: [],
      actions: [],
      version: 1,
    });

    const before = await eventCount();
    const again = await raise(problemFrom(activityId)).set('Idempotency-Key', 'finding-triage-0615').expect(201);
    expect(again.body.problemId).toBe(id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await eventCount()).toBe(before);

    const read = await http()
      .get(`/v1/campaigns/${campaignId}/problems/${id}`)
      .set('Authorization', as('a-1', 'auditor'))
      .expect(200);
    expect(read.headers.etag).toBe('"1"');

    await post(id, 'links', { linkKind: 'complaint', linkedId: complaintId }).set('If-Match', '"1"').expect(200);
    const linked = await post(id, 'links', { linkKind: 'typical_case_review', linkedId: reviewId })
      .set('If-Match', '"2"')
      .expect(200);
    expect(linked.headers.etag).toBe('"3"');
    const sameLink = await post(id, 'links', { linkKind: 'complaint', linkedId: complaintId }).expect(200);
    expect(sameLink.headers.etag).toBe('"3"');
    expect(sameLink.body.links).toEqual([
      { linkKind: 'complaint', linkedId: complaintId, linkedAt: now.toISOString() },
      { linkKind: 'typical_case_review', linkedId: reviewId, linkedAt: now.toISOString() },
    ]);

    const first = await post(id, 'actions', action()).set('If-Match', '"3"').expect(201);
    expect(first.headers.etag).toBe('"4"');
    expect(first.body.actions).toEqual([
      expect.objectContaining({ actionId: first.body.actionId, ownerId: 'pm-east-12', status: 'open' }),
    ]);
    const firstId = first.body.actionId;
    const second = (await post(id, 'actions', action('pm-west-4'), owner()).expect(201)).body.actionId;

    const early = await post(id, 'closure').expect(409);
    expect(early.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(early.body).toMatchObject({
      type: 'urn:cx:problem:campaign-problem-not-ready-to-close',
      code: 'CAMPAIGN_PROBLEM.NOT_READY_TO_CLOSE',
      currentState: 'open',
      rule: 'every improvement action must be verified',
      unverifiedActions: [
        { actionId: firstId, status: 'open' },
        { actionId: second, status: 'open' },
      ],
    });

    await post(id, `actions/${firstId}/completion`, { note: 'Opening hours changed and posted' }, owner()).expect(200);
    const notTheirs = await post(id, `actions/${second}/completion`, { note: 'Done' }, owner()).expect(403);
    expect(notTheirs.body).toMatchObject({ code: 'CAMPAIGN_PROBLEM.NOT_THE_ACTION_OWNER', actionId: second });
    await post(id, `actions/${second}/completion`, { note: 'Staff rota extended' }).expect(200);
    await post(id, `actions/${firstId}/verification`).expect(200);
    const sentBack = await post(id, `actions/${second}/sending-back`, { reason: 'Rota not signed off' }).expect(200);
    expect(sentBack.body.actions[1]).toMatchObject({ actionId: second, status: 'open' });
    const notCompleted = await post(id, `actions/${second}/verification`).expect(409);
    expect(notCompleted.body).toMatchObject({ code: 'CAMPAIGN_PROBLEM.ACTION_CONFLICT', currentState: 'open' });
    const stillOpen = await post(id, 'closure').expect(409);
    expect(stillOpen.body.unverifiedActions).toEqual([{ actionId: second, status: 'open' }]);
    await post(id, `actions/${second}/completion`, { note: 'Rota signed off' }, as('pm-west-4', 'manager')).expect(200);
    await post(id, `actions/${second}/verification`).expect(200);
    const closed = await post(id, 'closure').set('If-Match', '"11"').expect(200);

    expect(closed.headers.etag).toBe('"12"');
    expect(closed.body).toMatchObject({
      status: 'closed',
      closedAt: now.toISOString(),
      actions: [{ status: 'verified' }, { status: 'verified' }],
      version: 12,
    });
    expect(closed.body.actions[1].steps.map((s: { step: string; by: string | null }) => [s.step, s.by])).toEqual([
      ['added', null],
      ['completed', 'campaign-admin-1'],
      ['sent_back', null],
      ['completed', 'pm-west-4'],
      ['verified', 'campaign-admin-1'],
    ]);
    const types = [
      'CampaignProblemRaised',
      'CampaignProblemLinked',
      'CampaignProblemLinked',
      'CampaignProblemActionAdded',
      'CampaignProblemActionAdded',
      'CampaignProblemActionCompleted',
      'CampaignProblemActionCompleted',
      'CampaignProblemActionVerified',
      'CampaignProblemActionSentBack',
      'CampaignProblemActionCompleted',
      'CampaignProblemActionVerified',
      'CampaignProblemClosed',
    ];
    expect(await typesOf(id)).toEqual(types);

    const messages = await onTopic(id, types.length);
    expect(messages.map((m) => m.envelope.type)).toEqual(types);
    expect(messages[0].envelope).toMatchObject({
      schemaVersion: 1,
      streamId: id,
      streamType: 'CampaignProblem',
      streamVersion: 1,
      correlationId: 'six-ones-2021-follow-up',
      actor: { type: 'user', id: 'campaign-admin-1' },
      data: {
        problemId: id,
        campaignId,
        activityId,
        findingIndex: 1,
        description: findings[1],
        category: 'property_service',
        ownerId: 'pm-east-12',
        dueDate: '2021-08-31',
        raisedBy: 'campaign-admin-1',
      },
    });
    expect(messages[1].envelope.data).toEqual({
      problemId: id,
      campaignId,
      linkKind: 'complaint',
      linkedId: complaintId,
      linkedAt: now.toISOString(),
    });
    expect(messages[0].headers).toMatchObject({ 'event-type': 'CampaignProblemRaised', 'schema-version': '1' });
    for (const message of messages) expect(message.value).not.toContain('Wang Fang');

    const afterwards = await post(id, 'actions', action()).expect(409);
    expect(afterwards.body).toMatchObject({ code: 'CAMPAIGN_PROBLEM.TRANSITION_NOT_ALLOWED', currentState: 'closed' });
  });

  it('takes a new wording of the finding, and a manager may raise a problem', async () => {
    const activityId = await recordActivity();
    const raised = await raise(
      { ...problemFrom(activityId, 0), description: 'Cracked tiles in a lobby owners use every day' },
      owner(),
    ).expect(201);
    expect(raised.body).toMatchObject({
      findingIndex: 0,
      description: 'Cracked tiles in a lobby owners use every day',
      raisedBy: 'pm-east-12',
    });
  });

  describe('one problem per finding', () => {
    it('answers 409 naming the existing problem, appending nothing; another finding is another problem', async () => {
      const activityId = await recordActivity();
      const first = await raise(problemFrom(activityId)).expect(201);
      const before = await eventCount();
      const second = await raise(problemFrom(activityId), owner()).expect(409);
      expect(second.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(second.body).toMatchObject({
        type: 'urn:cx:problem:campaign-problem-finding-already-raised',
        activityId,
        findingIndex: 1,
        existingProblemId: first.body.problemId,
      });
      expect(await eventCount()).toBe(before);
      await raise(problemFrom(activityId, 0)).expect(201);
    });

    it('lets exactly one of concurrent raisings win', async () => {
      const activityId = await recordActivity();
      const before = await eventCount();
      const statuses = (await Promise.all([1, 2, 3].map(() => raise(problemFrom(activityId)))))
        .map((r) => r.status)
        .sort();
      expect(statuses).toEqual([201, 409, 409]);
      expect(await eventCount()).toBe(before + 1);
    });
  });

  describe('bad input', () => {
    it.each([
      ['an unknown field', { ownerName: 'Wang Fang' }, 400, 'ownerName'],
      ['an activity id that is not a uuid', { activityId: 'A-0001' }, 400, 'activityId'],
      ['a finding index that is not a whole number', { findingIndex: 0.5 }, 400, 'findingIndex'],
      ['a negative finding index', { findingIndex: -1 }, 400, 'findingIndex'],
      ['an unknown category', { category: 'weather' }, 400, 'category'],
      ['an owner that is a name', { ownerId: 'Li Wei' }, 400, 'ownerId'],
      ['a due date that is no date', { dueDate: '2021-02-30' }, 400, 'dueDate'],
      ['an empty description', { description: '' }, 400, 'description'],
      ['a due date in the past', { dueDate: '2021-06-14' }, 422, 'dueDate'],
      ['an activity that does not exist', { activityId: randomUUID() }, 422, 'activityId'],
      ['a finding the activity does not have', { findingIndex: 2 }, 422, 'findingIndex'],
    ])('refuses to raise with %s, naming the field, appending nothing', async (_label, changes, status, field) => {
      const body = { ...problemFrom(await recordActivity()), ...changes };
      const before = await eventCount();
      const response = await raise(body).expect(status);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(fieldsOf(response.body)).toContain(field);
      expect(await eventCount()).toBe(before);
    });

    it('refuses an activity of another campaign (422), and a draft campaign naming its state (409)', async () => {
      const elsewhere = await recordActivity(await openCampaign());
      const draftId = await createCampaign();
      const before = await eventCount();
      const foreign = await raise(problemFrom(elsewhere)).expect(422);
      expect(foreign.body).toMatchObject({ code: 'CAMPAIGN_PROBLEM.RULE_VIOLATED', field: 'activityId' });
      const draft = await raise(problemFrom(elsewhere), admin(), draftId).expect(409);
      expect(draft.body).toMatchObject({ code: 'LISTENING_CAMPAIGN.TRANSITION_NOT_ALLOWED', currentState: 'draft' });
      await raise(problemFrom(elsewhere), admin(), randomUUID()).expect(404);
      expect(await eventCount()).toBe(before);
    });

    it.each([
      ['a link to something else', 'links', { linkKind: 'survey', linkedId: complaintId }, 400, 'linkKind'],
      ['a link id that is not a uuid', 'links', { linkKind: 'complaint', linkedId: 'C-2021-0001' }, 400, 'linkedId'],
      ['an action due in the past', 'actions', { ...action(), dueDate: '2021-06-14' }, 422, 'dueDate'],
      ['an action due date with a time', 'actions', { ...action(), dueDate: '2021-07-31T00:00:00Z' }, 400, 'dueDate'],
      ['an action owner that is a name', 'actions', { ...action(), ownerId: 'Li Wei' }, 400, 'ownerId'],
      [
        'an action without a description',
        'actions',
        { ownerId: 'pm-east-12', dueDate: '2021-07-31' },
        400,
        'description',
      ],
    ])('refuses %s, naming the field, appending nothing', async (_label, path, body, status, field) => {
      const id = await raiseProblem();
      const before = await eventCount();
      const response = await post(id, path, body).expect(status);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(fieldsOf(response.body)).toContain(field);
      expect(await eventCount()).toBe(before);
    });

    it('refuses an empty completion note and an overlong reason for sending back', async () => {
      const id = await raiseProblem();
      const actionId = (await post(id, 'actions', action()).expect(201)).body.actionId;
      const note = await post(id, `actions/${actionId}/completion`, { note: '' }).expect(400);
      expect(fieldsOf(note.body)).toEqual(['note']);
      await post(id, `actions/${actionId}/completion`, { note: 'Done' }).expect(200);
      const reason = await post(id, `actions/${actionId}/sending-back`, { reason: 'x'.repeat(501) }).expect(400);
      expect(fieldsOf(reason.body)).toEqual(['reason']);
      expect(await typesOf(id)).toEqual([
        'CampaignProblemRaised',
        'CampaignProblemActionAdded',
        'CampaignProblemActionCompleted',
      ]);
    });

    it('answers 409 naming the rule when closing without an action, appending nothing', async () => {
      const id = await raiseProblem();
      const response = await post(id, 'closure').expect(409);
      expect(response.body).toMatchObject({
        code: 'CAMPAIGN_PROBLEM.NOT_READY_TO_CLOSE',
        currentState: 'open',
        rule: 'it needs at least one improvement action',
        unverifiedActions: [],
      });
      expect(await typesOf(id)).toEqual(['CampaignProblemRaised']);
    });

    it('answers 404 for an unknown problem or action, and for a problem asked through another campaign', async () => {
      const unknown = await http()
        .get(`/v1/campaigns/${campaignId}/problems/${randomUUID()}`)
        .set('Authorization', admin())
        .expect(404);
      expect(unknown.body.code).toBe('CAMPAIGN_PROBLEM.NOT_FOUND');
      await post(randomUUID(), 'links', { linkKind: 'complaint', linkedId: complaintId }).expect(404);
      const id = await raiseProblem();
      const noAction = await post(id, `actions/${randomUUID()}/verification`).expect(404);
      expect(noAction.body.code).toBe('CAMPAIGN_PROBLEM.ACTION_NOT_FOUND');
      const other = await createCampaign();
      await http().get(`/v1/campaigns/${other}/problems/${id}`).set('Authorization', admin()).expect(404);
      const through = await http()
        .post(`/v1/campaigns/${other}/problems/${id}/actions`)
        .set('Authorization', admin())
        .send(action())
        .expect(404);
      expect(through.body.code).toBe('CAMPAIGN_PROBLEM.NOT_FOUND');
      expect(await typesOf(id)).toEqual(['CampaignProblemRaised']);
    });
  });

  describe('If-Match', () => {
    it('answers 412 for a stale version and appends nothing', async () => {
      const id = await raiseProblem();
      await post(id, 'links', { linkKind: 'complaint', linkedId: complaintId }).expect(200);
      const response = await post(id, 'actions', action()).set('If-Match', '"1"').expect(412);
      expect(response.body).toMatchObject({ status: 412, code: 'EVENT_STORE.STALE_VERSION', currentVersion: 2 });
      expect(await typesOf(id)).toEqual(['CampaignProblemRaised', 'CampaignProblemLinked']);
    });

    it('lets exactly one of two updates on the same version win', async () => {
      const id = await raiseProblem();
      const add = () => post(id, 'actions', action()).set('If-Match', '"1"');
      const statuses = (await Promise.all([add(), add()])).map((r) => r.status).sort();
      expect(statuses).toEqual([201, 412]);
      expect(await typesOf(id)).toEqual(['CampaignProblemRaised', 'CampaignProblemActionAdded']);
    });
  });

  describe('roles', () => {
    it('answers 403 to HR raising a problem, appending nothing', async () => {
      const activityId = await recordActivity();
      const before = await eventCount();
      const response = await raise(problemFrom(activityId), as('hr-2', 'hr')).expect(403);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(await eventCount()).toBe(before);
    });

    it('answers 403 to roles that may not change the problem, appending nothing', async () => {
      const id = await raiseProblem();
      const actionId = (await post(id, 'actions', action()).expect(201)).body.actionId;
      await post(id, `actions/${actionId}/completion`, { note: 'Done' }, owner()).expect(200);
      const before = await eventCount();
      const refused: [string, object, string][] = [
        ['links', { linkKind: 'complaint', linkedId: complaintId }, as('a-1', 'auditor')],
        ['actions', action(), as('c-1', 'ceo_office')],
        [`actions/${actionId}/verification`, {}, owner()],
        [`actions/${actionId}/sending-back`, { reason: 'Not yet' }, owner()],
        ['closure', {}, owner()],
      ];
      for (const [path, body, auth] of refused) {
        const response = await post(id, path, body, auth);
        expect({ path, status: response.status }).toEqual({ path, status: 403 });
      }
      expect(await eventCount()).toBe(before);
    });

    it('lets managers, the CEO office and auditors read a problem, but not HR', async () => {
      const id = await raiseProblem();
      const read = (auth: string) =>
        http().get(`/v1/campaigns/${campaignId}/problems/${id}`).set('Authorization', auth);
      for (const role of ['manager', 'ceo_office', 'auditor'] as Role[]) await read(as('u-1', role)).expect(200);
      await read(as('hr-2', 'hr')).expect(403);
    });
  });

  it('documents the routes in the OpenAPI document', async () => {
    const docs = await http().get('/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/campaigns/{campaignId}/problems',
        '/v1/campaigns/{campaignId}/problems/{problemId}',
        '/v1/campaigns/{campaignId}/problems/{problemId}/links',
        '/v1/campaigns/{campaignId}/problems/{problemId}/actions',
        '/v1/campaigns/{campaignId}/problems/{problemId}/actions/{actionId}/completion',
        '/v1/campaigns/{campaignId}/problems/{problemId}/actions/{actionId}/verification',
        '/v1/campaigns/{campaignId}/problems/{problemId}/actions/{actionId}/sending-back',
        '/v1/campaigns/{campaignId}/problems/{problemId}/closure',
      ]),
    );
  });
});
