import { migrateDatabase } from '@cx/event-store';
import { createTestDatabase, eventually, kafkaBrokers, TcpProxy, TestDatabase, uniqueSuffix } from '@cx/testing';
import { randomUUID } from 'node:crypto';
import { Partitioners, Producer } from 'kafkajs';
import { Pool } from 'pg';
import { complaintResolved, silent } from './consumer-spec.support';
import { IdempotentConsumer } from './idempotent-consumer';
import { createKafka, ensureTopics } from './kafka';
import { CreateProcessedEvents1764000000100 } from './migrations/1764000000100-create-processed-events';

/**
 * A connection that dies under a transaction, without a word from the server (a crash, a reset): node-postgres
 * reports "Connection terminated unexpectedly", with no SQLSTATE. Found by the Postgres-restart fault scenario,
 * where such an event was dead-lettered as refused and never reached the read model.
 */
describe('IdempotentConsumer when its database connection is cut (real Kafka, real Postgres through a TCP hop)', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let pool: Pool;
  let producer: Producer;
  let consumer: IdempotentConsumer;
  const topic = `t${uniqueSuffix()}.connection-loss`;
  const applied: string[] = [];
  /** How many more times the connection is cut under this event's apply. */
  const cutsUnder = new Map<string, number>();

  beforeAll(async () => {
    database = await createTestDatabase('consumer_connection_loss');
    await migrateDatabase(database.url, [CreateProcessedEvents1764000000100]);
    const url = new URL(database.url);
    proxy = await new TcpProxy(url.hostname, Number(url.port || 5432)).start();
    url.host = `127.0.0.1:${proxy.port}`;
    pool = new Pool({ connectionString: url.toString() });
    pool.on('connect', (client) => client.on('error', () => undefined));
    pool.on('error', () => undefined);
    await pool.query('CREATE TABLE effects (event_id uuid PRIMARY KEY)');
    const kafka = createKafka(kafkaBrokers(), 'connection-loss-spec', silent);
    await ensureTopics(kafka, [{ topic, partitions: 1 }]);
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    consumer = new IdempotentConsumer(kafka, pool, {
      groupId: topic,
      topics: [topic],
      logger: silent,
      apply: async (envelope, tx) => {
        const cuts = cutsUnder.get(envelope.id) ?? 0;
        if (cuts > 0) {
          cutsUnder.set(envelope.id, cuts - 1);
          await proxy.cut();
          await proxy.start();
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
    await proxy?.stop();
    await database?.drop();
  });

  it('applies the event once on a new connection instead of dead-lettering it, also when cut again alone', async () => {
    const before = complaintResolved(randomUUID());
    const cut = complaintResolved(randomUUID());
    const after = complaintResolved(randomUUID());
    // Under its chunk's transaction, then under its own transaction when the chunk is applied one at a time.
    cutsUnder.set(cut.id, 2);
    await producer.send({
      topic,
      messages: [before, cut, after].map((e) => ({ key: e.streamId, value: JSON.stringify(e) })),
    });
    await eventually(() => expect(applied).toEqual(expect.arrayContaining([before.id, cut.id, after.id])), 30_000);
    const { rows } = await pool.query<{ event_id: string }>('SELECT event_id FROM effects');
    expect(rows.map((r) => r.event_id).sort()).toEqual([before.id, cut.id, after.id].sort());
    expect(consumer.stats.deadLettered).toBe(0);
  });
});
