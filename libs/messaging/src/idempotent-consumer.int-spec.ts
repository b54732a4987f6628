import { DeadLetterHeaders, EventEnvelope } from '@cx/contracts';
import { migrateDatabase } from '@cx/event-store';
import { createTestDatabase, eventually, kafkaBrokers, TestDatabase, TopicReader, uniqueSuffix } from '@cx/testing';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { Partitioners, Producer } from 'kafkajs';
import { Pool } from 'pg';
import { consumerLag, messagesOnTopic } from './consumer-lag';
import { complaintResolved, silent } from './consumer-spec.support';
import { IdempotentConsumer } from './idempotent-consumer';
import { createKafka, ensureTopics } from './kafka';
import { CreateProcessedEvents1764000000100 } from './migrations/1764000000100-create-processed-events';

describe('IdempotentConsumer (real Kafka, real Postgres)', () => {
  let database: TestDatabase;
  let pool: Pool;
  let producer: Producer;
  let consumer: IdempotentConsumer;
  const topic = `t${uniqueSuffix()}.consumer-spec`;
  const group = `t${uniqueSuffix()}.consumer-spec`;
  const applied: string[] = [];
  /** Thrown once for the event, then it applies. */
  const failures = new Map<string, () => Error>();
  /** Events the handler refuses every time (a chunk that fails is applied again one message at a time). */
  const refusals = new Set<string>();
  const correlation = new AsyncLocalStorage<string>();
  const correlationSeen = new Map<string, string | undefined>();
  let kafka: ReturnType<typeof createKafka>;

  beforeAll(async () => {
    database = await createTestDatabase('consumer');
    await migrateDatabase(database.url, [CreateProcessedEvents1764000000100]);
    pool = new Pool({ connectionString: database.url });
    await pool.query('CREATE TABLE effects (event_id uuid PRIMARY KEY)');
    kafka = createKafka(kafkaBrokers(), 'consumer-spec', silent);
    await ensureTopics(kafka, [{ topic }]);
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    consumer = new IdempotentConsumer(kafka, pool, {
      groupId: group,
      topics: [topic],
      logger: silent,
      runInCorrelation: (correlationId, work) => correlation.run(correlationId, work),
      apply: async (envelope, tx) => {
        correlationSeen.set(envelope.id, correlation.getStore());
        if (refusals.has(envelope.id)) throw new Error('complaint unknown to this read model');
        const fail = failures.get(envelope.id);
        if (fail) {
          failures.delete(envelope.id);
          throw fail();
        }
        await tx.query('INSERT INTO effects (event_id) VALUES ($1)', [envelope.id]);
        applied.push(envelope.id);
      },
    });
    await consumer.start();
  });

  afterAll(async () => {
    await consumer?.stop();
    await producer?.disconnect();
    await pool?.end();
    await database?.drop();
  });

  const send = (envelope: EventEnvelope) =>
    producer.send({ topic, messages: [{ key: envelope.streamId, value: JSON.stringify(envelope) }] });

  it('retries a transient database failure and applies the event once', async () => {
    const envelope = complaintResolved(randomUUID());
    failures.set(envelope.id, () => Object.assign(new Error('could not serialize access'), { code: '40001' }));
    await send(envelope);
    await eventually(() => expect(applied).toContain(envelope.id));
    const { rows } = await pool.query('SELECT count(*) FROM effects WHERE event_id = $1', [envelope.id]);
    expect(Number(rows[0].count)).toBe(1);
  });

  it('dead-letters an event its handler refuses, with the reason, and keeps consuming', async () => {
    const dlq = await new TopicReader(kafkaBrokers(), consumer.deadLetterTopic).start();
    try {
      const refused = complaintResolved(randomUUID());
      const next = complaintResolved(randomUUID());
      refusals.add(refused.id);
      await send(refused);
      await send(next);
      await eventually(() => expect(applied).toContain(next.id));
      await eventually(() => expect(dlq.messages.map((m) => m.key)).toEqual([refused.streamId]));
      expect(dlq.messages[0].headers[DeadLetterHeaders.error]).toMatch(/handler refused: complaint unknown/);
      expect(dlq.messages[0].headers[DeadLetterHeaders.consumerGroup]).toBe(group);
      expect(applied).not.toContain(refused.id);
      expect(consumer.stats.deadLettered).toBe(1);
    } finally {
      await dlq.stop();
    }
  });

  it('skips a redelivered event: the effect and its record commit together', async () => {
    const envelope = complaintResolved(randomUUID());
    await send(envelope);
    await send(envelope);
    const marker = complaintResolved(randomUUID());
    await send(marker);
    await eventually(() => expect(applied).toContain(marker.id));
    expect(applied.filter((id) => id === envelope.id)).toHaveLength(1);
    expect(consumer.stats.duplicates).toBeGreaterThanOrEqual(1);
  });

  it('reports how long each applied event waited since it was published, once per event, not for a redelivery', async () => {
    const delays: number[] = [];
    consumer.onApplyDelay((seconds) => delays.push(seconds));
    const envelope = complaintResolved(randomUUID());
    const sentAt = Date.now();
    await send(envelope);
    await send(envelope);
    const marker = complaintResolved(randomUUID());
    await send(marker);
    await eventually(() => expect(applied).toContain(marker.id));
    const waited = (Date.now() - sentAt) / 1000;

    expect(delays).toHaveLength(2);
    for (const seconds of delays) {
      expect(seconds).toBeGreaterThanOrEqual(0);
      expect(seconds).toBeLessThanOrEqual(waited);
    }
  });

  it('handles each event inside the correlation context of the request that caused it', async () => {
    const first = complaintResolved(randomUUID(), { correlationId: 'call-centre-4711' });
    const second = complaintResolved(randomUUID(), { correlationId: 'batch-import-9' });
    await send(first);
    await send(second);
    await eventually(() => expect(applied).toEqual(expect.arrayContaining([first.id, second.id])));
    expect(correlationSeen.get(first.id)).toBe('call-centre-4711');
    expect(correlationSeen.get(second.id)).toBe('batch-import-9');
  });

  it('reports its lag per partition (none once caught up) and the letters on its dead-letter topic', async () => {
    const marker = complaintResolved(randomUUID());
    await send(marker);
    await eventually(() => expect(applied).toContain(marker.id));
    await eventually(async () => {
      const lag = await consumer.lag();
      expect(lag.map((p) => [p.topic, p.partition, p.lag])).toEqual([
        [topic, 0, 0],
        [topic, 1, 0],
        [topic, 2, 0],
      ]);
      expect(lag.reduce((sum, p) => sum + p.end, 0)).toBeGreaterThan(0);
    });
    expect(await consumer.deadLettersWaiting()).toBe(1);
  });

  it('counts what a group has not read: from the earliest offset without a commit, else from its commit', async () => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const idle = `t${uniqueSuffix()}.idle`;
      const written = await messagesOnTopic(admin, topic);
      const before = await consumerLag(admin, idle, [topic]);
      expect(before.every((p) => p.committed === null)).toBe(true);
      expect(before.reduce((sum, p) => sum + p.lag, 0)).toBe(written);

      const busiest = [...before].sort((a, b) => b.end - a.end)[0];
      await admin.setOffsets({ groupId: idle, topic, partitions: [{ partition: busiest.partition, offset: '1' }] });
      const after = await consumerLag(admin, idle, [topic]);
      const partition = after.find((p) => p.partition === busiest.partition)!;
      expect(partition).toMatchObject({ committed: 1, end: busiest.end, lag: busiest.end - 1 });
      await admin.deleteGroups([idle]).catch(() => undefined);
    } finally {
      await admin.disconnect();
    }
  });
});
