import { kafkaBrokers, uniqueSuffix } from '@cx/testing';
import { Partitioners, Producer } from 'kafkajs';
import { silent } from './consumer-spec.support';
import { createKafka, ensureTopics } from './kafka';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const RequestQueue = require('kafkajs/src/network/requestQueue') as {
  prototype: { pending: unknown[]; checkPendingRequests(): void };
};

describe('kafkajs request queues with the idle fix (real Kafka)', () => {
  const topic = `t${uniqueSuffix()}.request-queue-spec`;
  const producers: Producer[] = [];
  let checks: jest.SpyInstance;
  /** The most requests any queue held back when it was checked. */
  let mostPending = 0;

  beforeAll(async () => {
    await ensureTopics(createKafka(kafkaBrokers(), 'request-queue-admin', silent), [{ topic, partitions: 1 }]);
  });

  beforeEach(() => {
    const check = RequestQueue.prototype.checkPendingRequests;
    mostPending = 0;
    checks = jest.spyOn(RequestQueue.prototype, 'checkPendingRequests').mockImplementation(function (this: {
      pending: unknown[];
    }) {
      mostPending = Math.max(mostPending, this.pending.length);
      check.call(this);
    });
  });

  afterEach(() => checks.mockRestore());

  afterAll(async () => {
    await Promise.all(producers.map((p) => p.disconnect()));
  });

  async function connectedProducer(options: { maxInFlightRequests?: number } = {}): Promise<Producer> {
    const producer = createKafka(kafkaBrokers(), 'request-queue-spec', silent).producer({
      createPartitioner: Partitioners.DefaultPartitioner,
      ...options,
    });
    producers.push(producer);
    await producer.connect();
    return producer;
  }

  it('leaves an idle connection alone: no queue check without a pending request (kafkajs 2.2.4 checks every millisecond)', async () => {
    const producer = await connectedProducer();
    await producer.send({ topic, messages: [{ value: 'wakes the connection' }] });
    checks.mockClear();

    await new Promise((resolve) => setTimeout(resolve, 500));

    // Unfixed, each connection that has answered a request checks its queue about 500 times in 500 ms.
    expect(checks.mock.calls.length).toBeLessThan(5);
  });

  it('still sends the requests that wait behind the in-flight limit', async () => {
    const producer = await connectedProducer({ maxInFlightRequests: 1 });
    const sends = Array.from({ length: 30 }, (_, i) =>
      producer.send({ topic, messages: [{ value: `queued ${i}` }] }).then(([meta]) => BigInt(meta.baseOffset ?? -1)),
    );

    const offsets = await Promise.all(sends);

    // They did wait in the queue, and every one went out: none stranded without a timer to check the queue.
    expect(mostPending).toBeGreaterThan(1);
    expect(new Set(offsets).size).toBe(30);
    expect(offsets.every((offset) => offset >= 0n)).toBe(true);
  });
});
