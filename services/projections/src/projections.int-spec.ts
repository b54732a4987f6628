import type { INestApplication } from '@nestjs/common';
import { signToken } from '@cx/auth';
import { DeadLetterHeaders, EventEnvelope, namespacedTopic, Topics } from '@cx/contracts';
import { createKafka, ensureTopics } from '@cx/messaging';
import type { ServiceConfig } from '@cx/platform';
import { eventually, testServiceConfig, TestDatabase, TopicReader } from '@cx/testing';
import { randomUUID } from 'node:crypto';
import { Partitioners, Producer } from 'kafkajs';
import { Client, Pool } from 'pg';
import request from 'supertest';
import { createProjectionsApp } from './projections.app';

const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

function filedEnvelope(complaintId: string, channel = 'ceo_direct'): EventEnvelope {
  return {
    id: randomUUID(),
    type: 'ComplaintFiled',
    schemaVersion: 1,
    streamId: complaintId,
    streamType: 'Complaint',
    streamVersion: 1,
    position: '1',
    occurredAt: new Date().toISOString(),
    correlationId: 'c-1',
    causationId: null,
    actor: { type: 'user', id: 'agent-1' },
    data: {
      complaintId,
      customerId: 'subj_7Hq2kLm9Xa',
      project: 'SH-PUDONG-07',
      region: 'east-china',
      category: 'housing_quality',
      severity: 'critical',
      channel,
      escalationLevel: channel === 'ceo_direct' ? 'ceo_office' : 'frontline',
      filedAt: new Date(Date.now() - 3_600_000).toISOString(),
    },
  };
}

describe('projections consuming cx.complaints.events (real Kafka, real Postgres)', () => {
  let app: INestApplication;
  let config: ServiceConfig;
  let database: TestDatabase;
  let pool: Pool;
  let producer: Producer;
  let topic: string;

  const produce = (key: string, value: string) => producer.send({ topic, acks: -1, messages: [{ key, value }] });
  const rowsFor = async (complaintId: string) =>
    (await pool.query('SELECT * FROM reporting.complaint_escalations_v1 WHERE complaint_id = $1', [complaintId])).rows;

  beforeAll(async () => {
    ({ config, database } = await testServiceConfig('projections'));
    topic = namespacedTopic(Topics.complaints, config.topicNamespace);
    const kafka = createKafka(config.kafkaBrokers, 'test-producer', silent);
    await ensureTopics(kafka, [{ topic }]);
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    app = await createProjectionsApp(config);
    await app.init();
    pool = new Pool({ connectionString: config.databaseUrl });
  });

  afterAll(async () => {
    await producer?.disconnect();
    await pool?.end();
    await app?.close();
    await database?.drop();
  });

  it('builds the CEO view from a ComplaintFiled and serves it over REST', async () => {
    const complaintId = randomUUID();
    await produce(complaintId, JSON.stringify(filedEnvelope(complaintId)));
    await eventually(async () => expect(await rowsFor(complaintId)).toHaveLength(1));

    const token = signToken({ sub: 'ceo-1', name: 'CEO office', roles: ['ceo_office'] }, config.jwtSecret);
    const response = await request(app.getHttpServer())
      .get('/v1/ceo/escalations')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    const item = response.body.items.find((i: { complaintId: string }) => i.complaintId === complaintId);
    expect(item).toMatchObject({
      severity: 'critical',
      channel: 'ceo_direct',
      escalationTrail: [{ level: 'ceo_office' }],
    });
    expect(item.ageSeconds).toBeGreaterThanOrEqual(3_599);
  });

  it('flags a repeat: same customer and category within 90 days, not another category', async () => {
    const at = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString();
    const filing = (category: string, filedAt: string) => {
      const e = filedEnvelope(randomUUID());
      Object.assign(e.data as object, {
        customerId: 'subj_repeatCustomer1',
        category,
        filedAt,
        complaintId: e.streamId,
      });
      return e;
    };
    const old = filing('delivery', at(200));
    const first = filing('delivery', at(30));
    const repeat = filing('delivery', at(1));
    const other = filing('maintenance', at(1));
    // Newest first: the projection must find the repeat whichever filing it sees first.
    for (const e of [repeat, other, first, old]) await produce(e.streamId, JSON.stringify(e));
    await eventually(async () => expect(await rowsFor(old.streamId)).toHaveLength(1));
    await eventually(async () => expect(await rowsFor(other.streamId)).toHaveLength(1));
    await eventually(async () => expect(await rowsFor(repeat.streamId)).toHaveLength(1));
    expect((await rowsFor(first.streamId))[0].repeat_complaint).toBe(false);
    expect((await rowsFor(repeat.streamId))[0].repeat_complaint).toBe(true);
    expect((await rowsFor(other.streamId))[0].repeat_complaint).toBe(false);
  });

  it('forgets who filed when the vault erases the subject, and does not learn it again', async () => {
    const subjectId = 'subj_erasedCustomer01';
    const filing = (daysAgo: number) => {
      const e = filedEnvelope(randomUUID());
      Object.assign(e.data as object, {
        customerId: subjectId,
        filedAt: new Date(Date.now() - daysAgo * 86_400_000).toISOString(),
        complaintId: e.streamId,
      });
      return e;
    };
    const customersOf = async () =>
      (await pool.query('SELECT complaint_id FROM complaint_customers WHERE customer_id = $1', [subjectId])).rows;
    const first = filing(10);
    await produce(first.streamId, JSON.stringify(first));
    await eventually(async () => expect(await customersOf()).toHaveLength(1));

    const erased = {
      ...filedEnvelope(subjectId),
      id: randomUUID(),
      type: 'SubjectErased',
      streamId: subjectId,
      streamType: 'Subject',
      data: { subjectId, ground: 'subject_request', erasedAt: new Date().toISOString() },
    };
    const confidentiality = namespacedTopic(Topics.confidentiality, config.topicNamespace);
    await producer.send({
      topic: confidentiality,
      acks: -1,
      messages: [{ key: subjectId, value: JSON.stringify(erased) }],
    });
    await eventually(async () => expect(await customersOf()).toEqual([]));

    const later = filing(1);
    await produce(later.streamId, JSON.stringify(later));
    await eventually(async () => expect(await rowsFor(later.streamId)).toHaveLength(1));
    expect(await customersOf()).toEqual([]);
    expect((await rowsFor(later.streamId))[0].repeat_complaint).toBe(false);
  });

  it('applies a redelivered event once', async () => {
    const complaintId = randomUUID();
    const envelope = filedEnvelope(complaintId, 'hotline');
    const escalated = {
      ...envelope,
      id: randomUUID(),
      type: 'ComplaintEscalated',
      streamVersion: 2,
      data: {
        complaintId,
        fromLevel: 'frontline',
        toLevel: 'project',
        reason: 'slow',
        escalatedAt: new Date().toISOString(),
      },
    };
    await produce(complaintId, JSON.stringify(envelope));
    await produce(complaintId, JSON.stringify(escalated));
    await produce(complaintId, JSON.stringify(escalated));
    await eventually(async () => expect((await rowsFor(complaintId))[0]?.escalation_level).toBe('project'));
    const marker = randomUUID();
    await produce(marker, JSON.stringify(filedEnvelope(marker)));
    await eventually(async () => expect(await rowsFor(marker)).toHaveLength(1));

    const [row] = await rowsFor(complaintId);
    expect(row.escalation_trail).toHaveLength(2);
    const processed = await pool.query('SELECT count(*) FROM processed_events WHERE event_id = $1', [escalated.id]);
    expect(Number(processed.rows[0].count)).toBe(1);
  });

  it('sends a poison message to cx.dlq.<group> with the reason and keeps consuming', async () => {
    const dlq = await new TopicReader(config.kafkaBrokers, `cx.dlq.${config.topicNamespace}.projections`).start();
    try {
      await produce('poison-1', '{ this is not json');
      const wrongSchema = filedEnvelope(randomUUID());
      (wrongSchema.data as Record<string, unknown>).customerId = 'Li Wei, 13800000000';
      await produce('poison-2', JSON.stringify(wrongSchema));
      const after = randomUUID();
      await produce(after, JSON.stringify(filedEnvelope(after)));

      await eventually(async () => expect(await rowsFor(after)).toHaveLength(1));
      await eventually(() => expect(dlq.messages.map((m) => m.key).sort()).toEqual(['poison-1', 'poison-2']));
      const reasons = Object.fromEntries(dlq.messages.map((m) => [m.key, m.headers[DeadLetterHeaders.error]]));
      expect(reasons['poison-1']).toMatch(/unparseable JSON/);
      expect(reasons['poison-2']).toMatch(/customerId/);
      expect(dlq.messages[0].headers[DeadLetterHeaders.originalTopic]).toBe(topic);
    } finally {
      await dlq.stop();
    }
  });

  it('redrives dead letters on an admin’s request: what now applies once, what still fails reported', async () => {
    const admin = `Bearer ${signToken({ sub: 'ops-1', name: 'Operator', roles: ['admin'] }, config.jwtSecret)}`;
    const dlq = `cx.dlq.${config.topicNamespace}.projections`;
    const kafka = createKafka(config.kafkaBrokers, 'redrive-test', silent);
    await ensureTopics(kafka, [{ topic: dlq }]);
    const fixed = filedEnvelope(randomUUID());
    const letter = (value: string, offset: string) => ({
      key: 'k',
      value,
      headers: {
        [DeadLetterHeaders.error]: 'handler refused: a bug since fixed',
        [DeadLetterHeaders.originalTopic]: topic,
        [DeadLetterHeaders.originalPartition]: '0',
        [DeadLetterHeaders.originalOffset]: offset,
      },
    });
    await producer.send({
      topic: dlq,
      acks: -1,
      messages: [letter(JSON.stringify(fixed), '9001'), letter('{ still not json', '9002')],
    });
    const first = await request(app.getHttpServer())
      .post('/v1/operations/dead-letters/redrive')
      .set('Authorization', admin)
      .expect(200);
    expect(first.body).toMatchObject({ applied: 1, alreadyRedriven: 0 });
    expect(first.body.stillFailing).toEqual(
      expect.arrayContaining([expect.objectContaining({ reason: expect.stringMatching(/^unparseable JSON/) })]),
    );
    expect(await rowsFor(fixed.streamId)).toHaveLength(1);

    const second = await request(app.getHttpServer())
      .post('/v1/operations/dead-letters/redrive')
      .set('Authorization', admin)
      .expect(200);
    expect(second.body).toMatchObject({ applied: 0, alreadyRedriven: 1, examined: first.body.examined });
  });

  it('rebuilds a projection on an admin’s request, one at a time', async () => {
    const admin = `Bearer ${signToken({ sub: 'ops-1', name: 'Operator', roles: ['admin'] }, config.jwtSecret)}`;
    const rebuild = (name: string) =>
      request(app.getHttpServer()).post(`/v1/operations/projections/${name}/rebuild`).set('Authorization', admin);
    const [one, two] = await Promise.all([rebuild('ceo-escalations'), rebuild('ceo-escalations')]);
    expect([one.status, two.status].sort()).toEqual([200, 409]);
    const done = one.status === 200 ? one : two;
    expect(done.body).toMatchObject({ projection: 'ceo-escalations' });
    expect(done.body.applied).toBeGreaterThan(0);
    const refused = one.status === 409 ? one : two;
    expect(refused.body).toMatchObject({ code: 'PROJECTION.REBUILD_RUNNING' });
    const unknown = await rebuild('everything').expect(404);
    expect(unknown.body.known).toContain('ceo-escalations');
  });

  it('lets the bi_reader role read reporting.ceo_escalations and nothing else', async () => {
    const complaintId = randomUUID();
    await produce(complaintId, JSON.stringify(filedEnvelope(complaintId)));
    await eventually(async () => expect(await rowsFor(complaintId)).toHaveLength(1));

    const url = new URL(config.databaseUrl);
    url.username = 'bi_reader';
    const bi = new Client({ connectionString: url.toString() });
    await bi.connect();
    try {
      const { rows } = await bi.query(
        'SELECT complaint_id, age_hours, escalation_trail FROM reporting.ceo_escalations WHERE complaint_id = $1',
        [complaintId],
      );
      expect(rows).toHaveLength(1);
      expect(Number(rows[0].age_hours)).toBeGreaterThanOrEqual(0.9);
      await expect(bi.query('SELECT * FROM processed_events')).rejects.toThrow(/permission denied/);
      await expect(bi.query('SELECT * FROM complaint_customers')).rejects.toThrow(/permission denied/);
      await expect(bi.query('DELETE FROM reporting.complaint_escalations_v1')).rejects.toThrow(/permission denied/);
    } finally {
      await bi.end();
    }
  });
});
