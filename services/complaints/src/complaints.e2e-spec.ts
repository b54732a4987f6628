import type { INestApplication } from '@nestjs/common';
import { signToken, Role } from '@cx/auth';
import { namespacedTopic, Topics } from '@cx/contracts';
import { createKafka } from '@cx/messaging';
import type { ServiceConfig } from '@cx/platform';
import { eventually, testServiceConfig, TestDatabase, TopicReader } from '@cx/testing';
import { Partitioners } from 'kafkajs';
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

describe('complaints over HTTP (real Postgres, real Kafka)', () => {
  let app: INestApplication;
  let config: ServiceConfig;
  let database: TestDatabase;
  let pool: Pool;
  let topic: TopicReader;
  const token = (...roles: Role[]) =>
    `Bearer ${signToken({ sub: 'agent-7', name: 'Agent Seven', roles }, config.jwtSecret)}`;
  const http = () => request(app.getHttpServer());
  const eventCount = async () => Number((await pool.query('SELECT count(*) FROM events')).rows[0].count);

  beforeAll(async () => {
    ({ config, database } = await testServiceConfig('complaints'));
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

  it('files a complaint: 201 with ETag, one event in the store, its envelope on cx.complaints.events', async () => {
    const response = await http()
      .post('/v1/complaints')
      .set('Authorization', token('agent'))
      .set('X-Correlation-Id', 'call-centre-4711')
      .send(validComplaint)
      .expect(201);

    expect(response.headers.etag).toBe('"1"');
    expect(response.headers['x-correlation-id']).toBe('call-centre-4711');
    expect(response.body).toMatchObject({ status: 'registered', escalationLevel: 'frontline', version: 1 });
    const { complaintId } = response.body;

    const stored = await pool.query('SELECT type, stream_version, data, metadata FROM events WHERE stream_id = $1', [
      complaintId,
    ]);
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0]).toMatchObject({ type: 'ComplaintFiled', stream_version: 1 });
    expect(stored.rows[0].metadata).toMatchObject({
      correlationId: 'call-centre-4711',
      actor: { type: 'user', id: 'agent-7' },
    });
    expect(JSON.stringify(stored.rows[0].data)).not.toContain('Water leaks');

    const message = await eventually(() => {
      const found = topic.messages.find((m) => m.key === complaintId);
      if (!found) throw new Error('not on the topic yet');
      return found;
    });
    const envelope = JSON.parse(message.value!);
    expect(envelope).toMatchObject({
      type: 'ComplaintFiled',
      schemaVersion: 1,
      streamId: complaintId,
      streamType: 'Complaint',
      streamVersion: 1,
      correlationId: 'call-centre-4711',
      causationId: null,
      actor: { type: 'user', id: 'agent-7' },
      data: { complaintId, customerId: 'subj_7Hq2kLm9Xa', escalationLevel: 'frontline' },
    });
    expect(message.headers).toMatchObject({
      'event-type': 'ComplaintFiled',
      'schema-version': '1',
      'correlation-id': 'call-centre-4711',
    });
    expect(message.value).not.toContain('Water leaks');
  });

  it('starts ceo_direct complaints at the CEO office', async () => {
    const response = await http()
      .post('/v1/complaints')
      .set('Authorization', token('ceo_office'))
      .send({ ...validComplaint, channel: 'ceo_direct' })
      .expect(201);
    expect(response.body.escalationLevel).toBe('ceo_office');
  });

  it('reads a complaint back with its ETag and description', async () => {
    const { body } = await http()
      .post('/v1/complaints')
      .set('Authorization', token('agent'))
      .send(validComplaint)
      .expect(201);
    const read = await http()
      .get(`/v1/complaints/${body.complaintId}`)
      .set('Authorization', token('auditor'))
      .expect(200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.body).toMatchObject({ complaintId: body.complaintId, description: validComplaint.description });
  });

  it('answers 404 problem+json for an unknown complaint', async () => {
    const response = await http()
      .get('/v1/complaints/6f1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5')
      .set('Authorization', token('agent'))
      .expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 404, code: 'COMPLAINT.NOT_FOUND' });
  });

  describe('validation', () => {
    it.each([
      ['an unknown field', { ...validComplaint, customerName: 'Li Wei' }, 'customerName'],
      ['a wrong type', { ...validComplaint, severity: 5 }, 'severity'],
      ['a missing field', (({ region: _r, ...rest }) => rest)(validComplaint), 'region'],
      ['a phone number as customer', { ...validComplaint, customerId: '13800000000' }, 'customerId'],
      ['a server-set status (mass assignment)', { ...validComplaint, status: 'closed' }, 'status'],
      ['a server-set version (mass assignment)', { ...validComplaint, version: 9 }, 'version'],
      ['a server-set author (mass assignment)', { ...validComplaint, createdBy: 'ceo-1' }, 'createdBy'],
      [
        'a server-set escalation level (mass assignment)',
        { ...validComplaint, escalationLevel: 'ceo_office' },
        'escalationLevel',
      ],
    ])('rejects %s with 400 problem+json naming the field, appending nothing', async (_label, body, field) => {
      const before = await eventCount();
      const response = await http().post('/v1/complaints').set('Authorization', token('agent')).send(body).expect(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.type).toBe('urn:cx:problem:validation');
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await eventCount()).toBe(before);
    });

    it('refuses a body on an operation that takes none, instead of ignoring it', async () => {
      const { body } = await http()
        .post('/v1/complaints')
        .set('Authorization', token('agent'))
        .send(validComplaint)
        .expect(201);
      const before = await eventCount();
      const refused = await http()
        .post(`/v1/complaints/${body.complaintId}/acknowledgement`)
        .set('Authorization', token('agent'))
        .send({ acknowledgedAt: '2020-01-01T00:00:00Z' })
        .expect(400);
      expect(refused.body.errors).toEqual([{ field: '(body)', messages: ['this operation takes no body'] }]);
      expect(await eventCount()).toBe(before);
    });

    it('lists every offending field, not just the first', async () => {
      const response = await http()
        .post('/v1/complaints')
        .set('Authorization', token('agent'))
        .send({ ...validComplaint, severity: 'urgent', channel: 'fax', extra: true })
        .expect(400);
      expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'channel',
        'extra',
        'severity',
      ]);
    });

    it('rejects malformed JSON with 400 problem+json', async () => {
      const response = await http()
        .post('/v1/complaints')
        .set('Authorization', token('agent'))
        .set('Content-Type', 'application/json')
        .send('{"customerId": ')
        .expect(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    });
  });

  describe('Idempotency-Key', () => {
    it('returns the first result for a repeated key: one complaint, one event', async () => {
      const before = await eventCount();
      const first = await http()
        .post('/v1/complaints')
        .set('Authorization', token('agent'))
        .set('Idempotency-Key', 'crm-ticket-99182')
        .send(validComplaint)
        .expect(201);
      const second = await http()
        .post('/v1/complaints')
        .set('Authorization', token('agent'))
        .set('Idempotency-Key', 'crm-ticket-99182')
        .send(validComplaint)
        .expect(201);
      expect(second.body.complaintId).toBe(first.body.complaintId);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(await eventCount()).toBe(before + 1);
      const descriptions = await pool.query('SELECT count(*) FROM complaint_descriptions WHERE complaint_id = $1', [
        first.body.complaintId,
      ]);
      expect(Number(descriptions.rows[0].count)).toBe(1);
    });

    it('refuses the same key with a different request (422), appending nothing', async () => {
      await http()
        .post('/v1/complaints')
        .set('Authorization', token('agent'))
        .set('Idempotency-Key', 'crm-ticket-50001')
        .send(validComplaint)
        .expect(201);
      const before = await eventCount();
      const response = await http()
        .post('/v1/complaints')
        .set('Authorization', token('agent'))
        .set('Idempotency-Key', 'crm-ticket-50001')
        .send({ ...validComplaint, severity: 'low' })
        .expect(422);
      expect(response.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
      expect(await eventCount()).toBe(before);
    });

    it("does not replay one caller's key to another caller (422, their result not shown, nothing appended)", async () => {
      const first = await http()
        .post('/v1/complaints')
        .set('Authorization', token('agent'))
        .set('Idempotency-Key', 'crm-ticket-70007')
        .send(validComplaint)
        .expect(201);
      const before = await eventCount();
      const otherAgent = `Bearer ${signToken({ sub: 'agent-8', name: 'Agent Eight', roles: ['agent'] }, config.jwtSecret)}`;
      const response = await http()
        .post('/v1/complaints')
        .set('Authorization', otherAgent)
        .set('Idempotency-Key', 'crm-ticket-70007')
        .send(validComplaint)
        .expect(422);
      expect(response.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
      expect(JSON.stringify(response.body)).not.toContain(first.body.complaintId);
      expect(await eventCount()).toBe(before);
    });

    it('gives concurrent requests with one key one complaint', async () => {
      const before = await eventCount();
      const responses = await Promise.all(
        Array.from({ length: 5 }, () =>
          http()
            .post('/v1/complaints')
            .set('Authorization', token('agent'))
            .set('Idempotency-Key', 'burst-1')
            .send(validComplaint),
        ),
      );
      expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
      expect(new Set(responses.map((r) => r.body.complaintId)).size).toBe(1);
      expect(await eventCount()).toBe(before + 1);
    });
  });

  describe('escalation and resolution', () => {
    it('escalates one level with If-Match and returns the new ETag', async () => {
      const { body } = await http()
        .post('/v1/complaints')
        .set('Authorization', token('agent'))
        .send(validComplaint)
        .expect(201);
      const response = await http()
        .post(`/v1/complaints/${body.complaintId}/escalations`)
        .set('Authorization', token('manager'))
        .set('If-Match', '"1"')
        .send({ reason: 'No contact within 24 hours' })
        .expect(200);
      expect(response.headers.etag).toBe('"2"');
      expect(response.body.escalationLevel).toBe('project');
      expect(response.body.escalationTrail.map((s: { level: string }) => s.level)).toEqual(['frontline', 'project']);
    });

    it('lets exactly one of two concurrent updates with the same If-Match win; the other gets 412', async () => {
      const { body } = await http()
        .post('/v1/complaints')
        .set('Authorization', token('agent'))
        .send(validComplaint)
        .expect(201);
      const escalate = () =>
        http()
          .post(`/v1/complaints/${body.complaintId}/escalations`)
          .set('Authorization', token('manager'))
          .set('If-Match', '"1"')
          .send({ reason: 'Customer called again' });
      const statuses = (await Promise.all([escalate(), escalate()])).map((r) => r.status).sort();
      expect(statuses).toEqual([200, 412]);
      const events = await pool.query('SELECT count(*) FROM events WHERE stream_id = $1', [body.complaintId]);
      expect(Number(events.rows[0].count)).toBe(2);
    });

    it('answers 412 for a stale If-Match and appends nothing', async () => {
      const { body } = await http()
        .post('/v1/complaints')
        .set('Authorization', token('agent'))
        .send(validComplaint)
        .expect(201);
      await http()
        .post(`/v1/complaints/${body.complaintId}/escalations`)
        .set('Authorization', token('manager'))
        .send({ reason: 'First escalation' })
        .expect(200);
      const response = await http()
        .post(`/v1/complaints/${body.complaintId}/assignment`)
        .set('Authorization', token('manager'))
        .set('If-Match', '"1"')
        .send({ handlerId: 'staff-1' })
        .expect(412);
      expect(response.body).toMatchObject({ status: 412, currentVersion: 2 });
      const events = await pool.query('SELECT count(*) FROM events WHERE stream_id = $1', [body.complaintId]);
      expect(Number(events.rows[0].count)).toBe(2);
    });

    it('answers 409 naming the current state for an invalid transition', async () => {
      const { body } = await http()
        .post('/v1/complaints')
        .set('Authorization', token('agent'))
        .send(validComplaint)
        .expect(201);
      const response = await http()
        .post(`/v1/complaints/${body.complaintId}/resolution`)
        .set('Authorization', token('agent'))
        .send({ outcome: 'repaired' })
        .expect(409);
      expect(response.body).toMatchObject({ code: 'COMPLAINT.NOT_ASSIGNED', currentState: 'registered' });
    });
  });

  describe('lifecycle', () => {
    const post = (id: string, path: string, body: object = {}) =>
      http().post(`/v1/complaints/${id}/${path}`).set('Authorization', token('agent')).send(body);

    it('runs from registration to closure with the customer satisfaction, every step an event', async () => {
      const { body } = await http()
        .post('/v1/complaints')
        .set('Authorization', token('agent'))
        .send(validComplaint)
        .expect(201);
      const id = body.complaintId;
      await post(id, 'acknowledgement').expect(200);
      await post(id, 'assignment', { handlerId: 'staff-1042' }).expect(200);
      await post(id, 'contacts', {
        direction: 'outbound',
        channel: 'phone',
        outcome: 'reached',
        contactedAt: new Date().toISOString(),
      }).expect(200);
      await post(id, 'responses', { channel: 'phone' }).expect(200);
      await post(id, 'attachments', {
        url: 'https://docs.example.internal/c/1.jpg',
        sha256: 'c'.repeat(64),
        mediaType: 'image/jpeg',
      }).expect(200);
      await post(id, 'resolution', { outcome: 'repaired' }).expect(200);
      await post(id, 'resolution/rejection', { reason: 'partially_fixed' }).expect(200);
      await post(id, 'resolution', { outcome: 'repaired' }).expect(200);
      await post(id, 'resolution/confirmation').expect(200);
      const closed = await post(id, 'closure', { satisfaction: 5 }).expect(200);

      expect(closed.body).toMatchObject({
        status: 'closed',
        handlerId: 'staff-1042',
        contacts: 1,
        reopenCount: 1,
        satisfaction: 5,
        outcome: 'repaired',
        attachments: [{ sha256: 'c'.repeat(64), mediaType: 'image/jpeg' }],
      });
      expect(closed.body.firstRespondedAt).not.toBeNull();
      expect(closed.headers.etag).toBe('"11"');
      const types = (
        await pool.query('SELECT type FROM events WHERE stream_id = $1 ORDER BY stream_version', [id])
      ).rows.map((r) => r.type);
      expect(types).toEqual([
        'ComplaintFiled',
        'ComplaintAcknowledged',
        'ComplaintAssigned',
        'CustomerContactRecorded',
        'ComplaintResponded',
        'ComplaintAttachmentAdded',
        'ComplaintResolved',
        'ResolutionRejected',
        'ComplaintResolved',
        'ResolutionConfirmed',
        'ComplaintClosed',
      ]);

      const refused = await post(id, 'escalations', { reason: 'late' }).expect(409);
      expect(refused.body).toMatchObject({ code: 'COMPLAINT.TRANSITION_NOT_ALLOWED', currentState: 'closed' });
    });

    it.each([
      ['a severity change without a reason', 'severity', { severity: 'critical' }, 400, 'reason'],
      ['an unknown severity', 'severity', { severity: 'urgent', reason: 'x' }, 400, 'severity'],
      ['satisfaction out of range', 'closure', { satisfaction: 9 }, 400, 'satisfaction'],
      [
        'a non-https attachment',
        'attachments',
        { url: 'ftp://x/y', sha256: 'd'.repeat(64), mediaType: 'image/png' },
        400,
        'url',
      ],
      [
        'a contact in the future',
        'contacts',
        { direction: 'inbound', channel: 'sms', outcome: 'reached', contactedAt: '2999-01-01T00:00:00Z' },
        422,
        'contactedAt',
      ],
    ])('refuses %s, naming the field, appending nothing', async (_label, path, body, status, field) => {
      const { body: created } = await http()
        .post('/v1/complaints')
        .set('Authorization', token('agent'))
        .send(validComplaint)
        .expect(201);
      await post(created.complaintId, 'assignment', { handlerId: 'staff-1' }).expect(200);
      const before = await eventCount();
      const response = await post(created.complaintId, path, body).expect(status);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      const fields = response.body.errors?.map((e: { field: string }) => e.field) ?? [response.body.field];
      expect(fields).toContain(field);
      expect(await eventCount()).toBe(before);
    });
  });

  describe('CEO office instructions', () => {
    it('instructs an owner, takes the owner’s report, accepts it; each step in the trail', async () => {
      const { body } = await http()
        .post('/v1/complaints')
        .set('Authorization', token('ceo_office'))
        .send({ ...validComplaint, channel: 'ceo_direct' })
        .expect(201);
      const id = body.complaintId;
      const ceo = token('ceo_office');
      const owner = `Bearer ${signToken({ sub: 'regional-director-east', name: 'RD East', roles: ['manager'] }, config.jwtSecret)}`;
      const dueAt = new Date(Date.now() + 2 * 86_400_000).toISOString();

      const toItself = await http()
        .post(`/v1/complaints/${id}/ceo-instructions`)
        .set('Authorization', ceo)
        .send({ ownerId: 'ceo-deputy', ownerLevel: 'ceo_office', dueAt, note: 'Handle it yourself' })
        .expect(422);
      expect(toItself.body).toMatchObject({ code: 'COMPLAINT.RULE_VIOLATED', field: 'ownerLevel' });

      const issued = await http()
        .post(`/v1/complaints/${id}/ceo-instructions`)
        .set('Authorization', ceo)
        .send({
          ownerId: 'regional-director-east',
          ownerLevel: 'region',
          dueAt,
          note: 'Agree a handover date with the customer',
        })
        .expect(200);
      const { instructionId } = issued.body.ceoInstructions[0];
      await http()
        .post(`/v1/complaints/${id}/ceo-instructions/${instructionId}/report`)
        .set('Authorization', token('agent'))
        .send({ report: 'Not mine to report' })
        .expect(403);
      await http()
        .post(`/v1/complaints/${id}/ceo-instructions/${instructionId}/report`)
        .set('Authorization', owner)
        .send({ report: 'Handover agreed for 1 December' })
        .expect(200);
      await http()
        .post(`/v1/complaints/${id}/ceo-instructions/${instructionId}/acceptance`)
        .set('Authorization', owner)
        .expect(403);
      const accepted = await http()
        .post(`/v1/complaints/${id}/ceo-instructions/${instructionId}/acceptance`)
        .set('Authorization', ceo)
        .expect(200);
      expect(accepted.body.ceoInstructions[0]).toMatchObject({
        ownerId: 'regional-director-east',
        status: 'accepted',
        steps: [{ step: 'issued' }, { step: 'reported', text: 'Handover agreed for 1 December' }, { step: 'accepted' }],
      });
      expect(accepted.body.handOffs).toBe(1);
    });
  });

  describe('auth', () => {
    it('answers 401 without a token', async () => {
      const response = await http().post('/v1/complaints').send(validComplaint).expect(401);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('answers 401 for a token signed with another secret', async () => {
      const forged = signToken({ sub: 'x', name: 'x', roles: ['admin'] }, 'not-the-secret');
      await http().post('/v1/complaints').set('Authorization', `Bearer ${forged}`).send(validComplaint).expect(401);
    });

    it('answers 403 for a role that may not file complaints', async () => {
      const before = await eventCount();
      await http().post('/v1/complaints').set('Authorization', token('bi_reader')).send(validComplaint).expect(403);
      expect(await eventCount()).toBe(before);
    });
  });

  describe('erasure of a customer by the vault', () => {
    it('deletes the words of every complaint the erased customer filed and says so; others keep theirs', async () => {
      const subjectId = 'subj_toBeErased0042';
      const file = async (customerId: string) =>
        (
          await http()
            .post('/v1/complaints')
            .set('Authorization', token('agent'))
            .send({ ...validComplaint, customerId, description: 'Call me on 138 1234 5678, Li Lei' })
            .expect(201)
        ).body.complaintId as string;
      const [mine, again, other] = [await file(subjectId), await file(subjectId), await file('subj_keepsHerWords1')];
      const kafka = createKafka(config.kafkaBrokers, 'erasure-test', {
        debug: () => undefined,
        info: () => undefined,
        warn: () => undefined,
        error: () => undefined,
      });
      const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
      await producer.connect();
      const erasedAt = new Date().toISOString();
      await producer.send({
        topic: namespacedTopic(Topics.confidentiality, config.topicNamespace),
        acks: -1,
        messages: [
          {
            key: subjectId,
            value: JSON.stringify({
              id: '7d1e4c2a-9b8f-4e6d-a5c3-2b1a0f9e8d7c',
              type: 'SubjectErased',
              schemaVersion: 1,
              streamId: subjectId,
              streamType: 'Subject',
              streamVersion: 3,
              position: '42',
              occurredAt: erasedAt,
              correlationId: 'erasure-1',
              causationId: null,
              actor: { type: 'user', id: 'dpo-1' },
              data: { subjectId, ground: 'subject_request', erasedAt },
            }),
          },
        ],
      });
      await producer.disconnect();
      const read = async (id: string) =>
        (await http().get(`/v1/complaints/${id}`).set('Authorization', token('agent')).expect(200)).body;
      await eventually(async () => expect(await read(mine)).toMatchObject({ description: null, customerErased: true }));
      expect(await read(again)).toMatchObject({ description: null, customerErased: true });
      expect(await read(other)).toMatchObject({
        description: 'Call me on 138 1234 5678, Li Lei',
        customerErased: false,
      });
      const { rows } = await pool.query(
        'SELECT count(*)::int AS n FROM complaint_descriptions WHERE complaint_id = ANY($1)',
        [[mine, again]],
      );
      expect(rows[0].n).toBe(0);

      // Filed after the erasure: the filing's answer says what a read of it says (it is not read again).
      const filedLater = await http()
        .post('/v1/complaints')
        .set('Authorization', token('agent'))
        .send({ ...validComplaint, customerId: subjectId })
        .expect(201);
      expect(filedLater.body.customerErased).toBe(true);
      expect(filedLater.body).toEqual(await read(filedLater.body.complaintId));
    });
  });

  describe('region and project scopes', () => {
    const scoped = (scope: string, ...roles: Role[]) =>
      `Bearer ${signToken({ sub: 'agent-east', name: 'Agent East', roles, scope }, config.jwtSecret)}`;
    const south = { ...validComplaint, region: 'south-china', project: 'GZ-TIANHE-02' };

    it('lets a scoped agent file in its region only: elsewhere 403 naming the scope, nothing appended', async () => {
      await http()
        .post('/v1/complaints')
        .set('Authorization', scoped('region:east-china', 'agent'))
        .send(validComplaint)
        .expect(201);
      const before = await eventCount();
      const refused = await http()
        .post('/v1/complaints')
        .set('Authorization', scoped('region:east-china', 'agent'))
        .send(south)
        .expect(403);
      expect(refused.body).toMatchObject({ code: 'COMPLAINT.OUTSIDE_CALLER_SCOPE', region: 'south-china' });
      expect(await eventCount()).toBe(before);
    });

    it('answers 404, not 403, when a scoped caller reads or changes a complaint of another region', async () => {
      const { body } = await http().post('/v1/complaints').set('Authorization', token('agent')).send(south).expect(201);
      const id = body.complaintId;
      const east = scoped('region:east-china', 'agent', 'manager', 'reviewer');
      const before = await eventCount();
      await http().get(`/v1/complaints/${id}`).set('Authorization', east).expect(404);
      await http().post(`/v1/complaints/${id}/acknowledgement`).set('Authorization', east).expect(404);
      await http()
        .post(`/v1/complaints/${id}/escalations`)
        .set('Authorization', east)
        .set('If-Match', '"7"')
        .send({ reason: 'probing' })
        .expect(404);
      const marking = await http()
        .post('/v1/typical-case-reviews')
        .set('Authorization', east)
        .send({ complaintId: id, reason: 'probing' })
        .expect(422);
      expect(marking.body).toMatchObject({ field: 'complaintId' });
      expect(await eventCount()).toBe(before);

      const tianhe = scoped('project:GZ-TIANHE-02', 'agent');
      await http().get(`/v1/complaints/${id}`).set('Authorization', tianhe).expect(200);
      await http().post(`/v1/complaints/${id}/acknowledgement`).set('Authorization', tianhe).expect(200);
    });
  });

  describe('resilience', () => {
    it('keeps serving and relaying after the database terminates its connections (e.g. a restart)', async () => {
      await http().get('/health/ready').expect(200);
      const admin = new Pool({ connectionString: config.databaseUrl.replace(/\/[^/]+$/, '/postgres'), max: 1 });
      try {
        const { rows } = await admin.query(
          `SELECT count(pg_terminate_backend(pid)) AS terminated FROM pg_stat_activity
            WHERE datname = $1 AND application_name IN ('cx-complaints', 'cx-complaints-relay')`,
          [new URL(config.databaseUrl).pathname.slice(1)],
        );
        expect(Number(rows[0].terminated)).toBeGreaterThan(0);
      } finally {
        await admin.end();
      }
      await eventually(() => http().get('/health/ready').expect(200));
      const { body } = await http()
        .post('/v1/complaints')
        .set('Authorization', token('agent'))
        .send(validComplaint)
        .expect(201);
      await eventually(() => expect(topic.messages.some((m) => m.key === body.complaintId)).toBe(true));
    });
  });

  describe('operations endpoints', () => {
    it('serves liveness, readiness (database and Kafka), metrics and the OpenAPI document without a token', async () => {
      await http().get('/health/live').expect(200);
      const ready = await http().get('/health/ready').expect(200);
      expect(ready.body.checks).toEqual({ database: 'up', kafka: 'up' });
      const metrics = await http().get('/metrics').expect(200);
      expect(metrics.text).toContain('http_request_duration_seconds');
      const docs = await http().get('/docs-json').expect(200);
      expect(Object.keys(docs.body.paths)).toEqual(
        expect.arrayContaining([
          '/v1/complaints',
          '/v1/complaints/{complaintId}',
          '/v1/complaints/{complaintId}/escalations',
        ]),
      );
    });
  });
});
