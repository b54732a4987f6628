import { DeadLetterHeaders, EventEnvelope } from '@cx/contracts';
import { migrateDatabase } from '@cx/event-store';
import { createTestDatabase, eventually, kafkaBrokers, TestDatabase, TopicReader, uniqueSuffix } from '@cx/testing';
import { randomUUID } from 'node:crypto';
import { Partitioners, Producer } from 'kafkajs';
import { Pool } from 'pg';
import { complaintResolved, silent } from './consumer-spec.support';
import { ApplyEvents, IdempotentConsumer } from './idempotent-consumer';
import { createKafka, ensureTopics } from './kafka';
import { CreateProcessedEvents1764000000100 } from './migrations/1764000000100-create-processed-events';

const resolved = (complaintId: string, streamVersion: number) =>
  complaintResolved(complaintId, { streamVersion, correlationId: randomUUID() });

/** Events of a few complaints, interleaved as they would be on one partition. */
function interleaved(count: number): EventEnvelope[] {
  const complaints = [randomUUID(), randomUUID(), randomUUID()];
  return Array.from({ length: count }, (_, i) => resolved(complaints[i % 3], Math.floor(i / 3) + 1));
}

interface Effect {
  event_id: string;
  /** The transaction that applied it. */
  xid: string;
}

/**
 * Batches are made by producing every message in one send to a one-partition topic before the group starts, so
 * the first fetch hands them over together. The effects table has no unique key: an event applied twice shows.
 */
describe('IdempotentConsumer applying a batch in chunks (real Kafka, real Postgres)', () => {
  let database: TestDatabase;
  let pool: Pool;
  let producer: Producer;
  let kafka: ReturnType<typeof createKafka>;
  const running: IdempotentConsumer[] = [];
  /** Event ids whose handler refuses them, every time. */
  const poison = new Set<string>();

  beforeAll(async () => {
    database = await createTestDatabase('consumer_chunks');
    await migrateDatabase(database.url, [CreateProcessedEvents1764000000100]);
    pool = new Pool({ connectionString: database.url });
    await pool.query(`CREATE TABLE effects (
      seq bigserial PRIMARY KEY, event_id uuid NOT NULL, xid xid8 NOT NULL DEFAULT pg_current_xact_id())`);
    kafka = createKafka(kafkaBrokers(), 'consumer-chunks-spec', silent);
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
  });

  afterAll(async () => {
    for (const consumer of running) await consumer.stop();
    await producer?.disconnect();
    await pool?.end();
    await database?.drop();
  });

  async function newTopic(): Promise<string> {
    const topic = `t${uniqueSuffix()}.consumer-chunks`;
    await ensureTopics(kafka, [{ topic, partitions: 1 }]);
    return topic;
  }

  async function consume(
    topic: string,
    eventsPerTransaction?: number,
    applyMany?: ApplyEvents,
  ): Promise<IdempotentConsumer> {
    const consumer = new IdempotentConsumer(kafka, pool, {
      groupId: `t${uniqueSuffix()}.consumer-chunks`,
      topics: [topic],
      logger: silent,
      eventsPerTransaction,
      apply: async (envelope, tx) => {
        if (poison.has(envelope.id)) throw new Error('complaint unknown to this read model');
        await tx.query('INSERT INTO effects (event_id) VALUES ($1)', [envelope.id]);
      },
      applyMany,
    });
    running.push(consumer);
    await consumer.start();
    return consumer;
  }

  const produce = (topic: string, values: string[]) =>
    producer.send({ topic, messages: values.map((value) => ({ key: 'k', value })) });

  async function effectsOf(ids: string[]): Promise<Effect[]> {
    const { rows } = await pool.query<Effect>(
      'SELECT event_id::text, xid::text FROM effects WHERE event_id = ANY($1::uuid[]) ORDER BY seq',
      [ids],
    );
    return rows;
  }

  it('applies the events of a partition in offset order, several to a transaction', async () => {
    const topic = await newTopic();
    const events = interleaved(10);
    // Postgres writes ids back in lower case; an envelope may carry one in upper case and is still new.
    events[4] = { ...events[4], id: events[4].id.toUpperCase() };
    await produce(
      topic,
      events.map((e) => JSON.stringify(e)),
    );
    const consumer = await consume(topic, 4);
    const ids = events.map((e) => e.id.toLowerCase());

    const effects = await eventually(async () => {
      const rows = await effectsOf(ids);
      expect(rows).toHaveLength(10);
      return rows;
    });
    expect(effects.map((e) => e.event_id)).toEqual(ids);
    const perTransaction = new Map<string, number>();
    for (const { xid } of effects) perTransaction.set(xid, (perTransaction.get(xid) ?? 0) + 1);
    expect(Math.max(...perTransaction.values())).toBeLessThanOrEqual(4);
    expect(perTransaction.size).toBeLessThan(10);
    expect(consumer.stats).toEqual({ applied: 10, duplicates: 0, deadLettered: 0 });
  });

  it('dead-letters a poison message, bad JSON and an invalid envelope from the middle of a chunk; applies the rest once', async () => {
    const topic = await newTopic();
    const [e1, e2, e3, refused, e5, e6] = interleaved(6);
    poison.add(refused.id);
    const notJson = '{"type": "ComplaintResolved", "data": ';
    const invalid = { ...resolved(randomUUID(), 1), data: { complaintId: randomUUID(), phone: '13812345678' } };
    await produce(topic, [
      JSON.stringify(e1),
      JSON.stringify(e2),
      notJson,
      JSON.stringify(e3),
      JSON.stringify(refused),
      JSON.stringify(e5),
      JSON.stringify(invalid),
      JSON.stringify(e6),
    ]);
    const consumer = await consume(topic);
    const dlq = await new TopicReader(kafkaBrokers(), consumer.deadLetterTopic).start();
    try {
      await eventually(() => expect(dlq.messages).toHaveLength(3));
      const reasonOf = (value: string) => dlq.messages.find((m) => m.value === value)?.headers[DeadLetterHeaders.error];
      expect(reasonOf(notJson)).toMatch(/^unparseable JSON/);
      expect(reasonOf(JSON.stringify(refused))).toMatch(/^handler refused: complaint unknown/);
      expect(reasonOf(JSON.stringify(invalid))).toMatch(/additional properties/);

      const applied = [e1, e2, e3, e5, e6].map((e) => e.id);
      await eventually(async () => expect((await effectsOf(applied)).map((e) => e.event_id)).toEqual(applied));
      expect(await effectsOf([refused.id, invalid.id])).toEqual([]);
      expect(consumer.stats).toEqual({ applied: 5, duplicates: 0, deadLettered: 3 });
    } finally {
      await dlq.stop();
    }
  });

  it("hands a chunk's new events to applyMany in offset order; a chunk it refuses is applied one at a time by apply", async () => {
    const topic = await newTopic();
    const events = interleaved(10);
    const refused = events[6];
    poison.add(refused.id);
    await produce(
      topic,
      events.map((e) => JSON.stringify(e)),
    );
    const chunks: string[][] = [];
    const consumer = await consume(topic, 4, async (envelopes, tx) => {
      chunks.push(envelopes.map((e) => e.id));
      if (envelopes.some((e) => poison.has(e.id))) throw new Error('complaint unknown to this read model');
      await tx.query('INSERT INTO effects (event_id) SELECT unnest($1::uuid[])', [envelopes.map((e) => e.id)]);
    });
    const dlq = await new TopicReader(kafkaBrokers(), consumer.deadLetterTopic).start();
    try {
      const applied = events.filter((e) => e !== refused).map((e) => e.id);
      const effects = await eventually(async () => {
        const rows = await effectsOf(applied);
        expect(rows).toHaveLength(9);
        return rows;
      });
      expect(effects.map((e) => e.event_id)).toEqual(applied);
      await eventually(() => expect(dlq.messages.map((m) => m.value)).toEqual([JSON.stringify(refused)]));
      expect(await effectsOf([refused.id])).toEqual([]);
      // Chunks of four in offset order: the second holds the poison event, so apply took its events one by one.
      expect(chunks).toEqual([
        events.slice(0, 4).map((e) => e.id),
        events.slice(4, 8).map((e) => e.id),
        events.slice(8).map((e) => e.id),
      ]);
      const perTransaction = new Map<string, string[]>();
      for (const { xid, event_id } of effects) perTransaction.set(xid, [...(perTransaction.get(xid) ?? []), event_id]);
      expect([...perTransaction.values()]).toEqual([
        events.slice(0, 4).map((e) => e.id),
        [events[4].id],
        [events[5].id],
        [events[7].id],
        events.slice(8).map((e) => e.id),
      ]);
      expect(consumer.stats).toEqual({ applied: 9, duplicates: 0, deadLettered: 1 });
    } finally {
      await dlq.stop();
    }
  });

  it('changes nothing when a batch is delivered again, nor for an event repeated inside a chunk', async () => {
    const topic = await newTopic();
    const first = interleaved(5);
    await produce(
      topic,
      first.map((e) => JSON.stringify(e)),
    );
    const consumer = await consume(topic);
    await eventually(async () => expect(await effectsOf(first.map((e) => e.id))).toHaveLength(5));

    // The relay republishing after a crash, with two new events, one of them twice in the same batch.
    const [n1, n2] = interleaved(2);
    await produce(
      topic,
      [...first, n1, first[2], n1, n2].map((e) => JSON.stringify(e)),
    );
    const all = [...first, n1, n2].map((e) => e.id);
    await eventually(async () => expect(await effectsOf(all)).toHaveLength(7));
    await eventually(async () => expect((await consumer.lag()).map((p) => p.lag)).toEqual([0]));
    expect((await effectsOf(all)).map((e) => e.event_id)).toEqual(all);
    expect(consumer.stats).toEqual({ applied: 7, duplicates: 7, deadLettered: 0 });
  });
});
