import type { Kafka, Producer, ProducerConfig, ProducerRecord } from 'kafkajs';
import { IdempotentProducer } from './idempotent-producer';

/** kafkajs producers that record what they were asked; the first `failures` sends (of any of them) fail. */
function fakeKafka(failures: number) {
  const producers: Array<{ config: ProducerConfig; sent: ProducerRecord[]; disconnected: boolean }> = [];
  let failuresLeft = failures;
  const kafka = {
    producer(config: ProducerConfig) {
      const state = { config, sent: [] as ProducerRecord[], disconnected: false };
      producers.push(state);
      return {
        connect: async () => undefined,
        disconnect: async () => void (state.disconnected = true),
        send: async (record: ProducerRecord) => {
          if (failuresLeft-- > 0) throw new Error('The broker received an out of order sequence number');
          state.sent.push(record);
          return [];
        },
      } as unknown as Producer;
    },
  } as unknown as Kafka;
  return { kafka, producers };
}

const record = (value: string): ProducerRecord => ({ topic: 'cx.complaints.events', messages: [{ value }] });

describe('the idempotent producer of the relay and the dead-letter topic', () => {
  it('sends through one idempotent producer with one request in flight and acks from all replicas', async () => {
    const { kafka, producers } = fakeKafka(0);
    const producer = new IdempotentProducer(kafka);
    await producer.connect();
    await producer.send(record('a'));
    await producer.send(record('b'));
    expect(producers).toHaveLength(1);
    expect(producers[0].config).toMatchObject({ idempotent: true, maxInFlightRequests: 1 });
    expect(producers[0].sent.map((r) => [r.acks, r.messages[0].value])).toEqual([
      [-1, 'a'],
      [-1, 'b'],
    ]);
  });

  // The broker may hold a batch whose answer was lost; kafkajs has rolled its sequence back all the same, so the
  // same producer would send the next batch at a sequence the broker already has, and fail for good.
  it('sends with a new producer after a send failed, and lets the failed one go', async () => {
    const { kafka, producers } = fakeKafka(2);
    const producer = new IdempotentProducer(kafka);
    await producer.connect();
    await expect(producer.send(record('a'))).rejects.toThrow('out of order sequence number');
    await expect(producer.send(record('a'))).rejects.toThrow('out of order sequence number');
    await producer.send(record('a'));
    expect(producers).toHaveLength(3);
    expect(producers.map((p) => p.disconnected)).toEqual([true, true, false]);
    expect(producers[2].sent.map((r) => r.messages[0].value)).toEqual(['a']);
  });
});
