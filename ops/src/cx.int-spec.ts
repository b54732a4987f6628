import { DeadLetterHeaders, EventEnvelope } from '@cx/contracts';
import { createKafka, ensureTopics } from '@cx/messaging';
import { kafkaBrokers, uniqueSuffix } from '@cx/testing';
import { Kafka, Partitioners, Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { main } from './cx';
import { tail } from './tail';

const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

function envelope(streamId: string, streamVersion: number, type: string): EventEnvelope {
  return {
    id: randomUUID(),
    type,
    schemaVersion: 1,
    streamId,
    streamType: 'Complaint',
    streamVersion,
    position: String(streamVersion),
    occurredAt: '2026-03-01T08:00:00.000Z',
    correlationId: `req-${streamId}-${streamVersion}`,
    causationId: null,
    actor: { type: 'user', id: 'u-1' },
    data: {},
  };
}

/** Runs `cx` in this process and returns what it printed on stdout. */
async function cx(argv: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string }> {
  const printed: string[] = [];
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    printed.push(String(chunk));
    return true;
  });
  const quiet = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const code = await main(argv, env);
    return { code, stdout: printed.join('') };
  } finally {
    write.mockRestore();
    quiet.mockRestore();
  }
}

describe('cx against the broker (namespaced topics)', () => {
  const namespace = `t${uniqueSuffix()}`;
  const topic = `${namespace}.cx.complaints.events`;
  const env = { KAFKA_BROKERS: kafkaBrokers().join(','), KAFKA_TOPIC_NAMESPACE: namespace };
  let kafka: Kafka;
  let producer: Producer;
  const send = (e: EventEnvelope) =>
    producer.send({
      topic,
      messages: [
        { key: e.streamId, value: JSON.stringify(e), headers: { 'event-type': e.type, 'schema-version': '1' } },
      ],
    });

  beforeAll(async () => {
    kafka = createKafka(kafkaBrokers(), 'cx-spec', silent);
    await ensureTopics(kafka, [{ topic }]);
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await send(envelope('c-1', 1, 'ComplaintFiled'));
    await send(envelope('c-1', 2, 'ComplaintEscalated'));
    await send(envelope('c-2', 1, 'ComplaintFiled'));
  });

  afterAll(async () => {
    await producer?.disconnect();
  });

  it('tails a topic from the beginning, by event type or by stream', async () => {
    const filed = await cx(['tail', 'complaints', '--from-beginning', '--type', 'ComplaintFiled', '--max', '2'], env);
    expect(filed.code).toBe(0);
    const byStream = (line: string) => line.split(' ')[4];
    const lines = filed.stdout
      .trim()
      .split('\n')
      .sort((a, b) => byStream(a).localeCompare(byStream(b)));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      new RegExp(`^2026-03-01T08:00:00.000Z ${topic}\\[\\d\\]@\\d+ ComplaintFiled v1 c-1#1 correlation=req-c-1-1$`),
    );
    expect(lines[1]).toMatch(/ComplaintFiled v1 c-2#1 correlation=req-c-2-1$/);

    const stream = await cx(['tail', 'complaints', '--from-beginning', '--stream', 'c-1', '--max', '2', '--json'], env);
    expect(
      stream.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).envelope.type),
    ).toEqual(['ComplaintFiled', 'ComplaintEscalated']);
  });

  it('follows the end of a topic: only what is written after it started', async () => {
    const lines: string[] = [];
    let ready!: () => void;
    const started = new Promise<void>((resolve) => (ready = resolve));
    const following = tail(kafka, {
      topic,
      filter: { types: [] },
      fromBeginning: false,
      max: 1,
      json: false,
      write: (line) => lines.push(line),
      onReady: ready,
    });
    await started;
    await send(envelope('c-3', 1, 'ComplaintFiled'));
    expect(await following).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/ComplaintFiled v1 c-3#1 correlation=req-c-3-1$/)]);
  });

  it('shows the lag of a group per partition, and of every group under the namespace', async () => {
    const group = `${namespace}.projections`;
    const admin = kafka.admin();
    await admin.connect();
    try {
      const ends = await admin.fetchTopicOffsets(topic);
      const busiest = [...ends].sort((a, b) => Number(b.high) - Number(a.high))[0];
      await admin.setOffsets({ groupId: group, topic, partitions: [{ partition: busiest.partition, offset: '1' }] });

      const report = await cx(['lag', '--group', 'projections'], env);
      expect(report.code).toBe(0);
      const rows = report.stdout.trim().split('\n');
      expect(rows[0].split(/\s+/)).toEqual(['GROUP', 'TOPIC', 'PARTITION', 'COMMITTED', 'END', 'LAG']);
      expect(rows[1].split(/\s+/)).toEqual([
        group,
        topic,
        String(busiest.partition),
        '1',
        busiest.high,
        String(Number(busiest.high) - 1),
      ]);
      expect(rows[2].split(/\s+/)).toEqual([group, '(total)', String(Number(busiest.high) - 1)]);

      const everyGroup = await cx(['lag'], env);
      expect(everyGroup.stdout).toContain(group);
      expect(everyGroup.stdout).not.toMatch(/cx-tail\.|scan\.|test-reader-/);
    } finally {
      await admin.deleteGroups([group]).catch(() => undefined);
      await admin.disconnect();
    }
  });

  it('lists the dead letters of a group with where they came from and why', async () => {
    const dlq = `cx.dlq.${namespace}.projections`;
    await ensureTopics(kafka, [{ topic: dlq }]);
    await producer.send({
      topic: dlq,
      messages: [
        {
          key: 'c-9',
          value: '{ not json',
          headers: {
            [DeadLetterHeaders.error]: 'unparseable JSON: Unexpected token',
            [DeadLetterHeaders.originalTopic]: topic,
            [DeadLetterHeaders.originalPartition]: '1',
            [DeadLetterHeaders.originalOffset]: '7',
            [DeadLetterHeaders.consumerGroup]: `${namespace}.projections`,
            [DeadLetterHeaders.failedAt]: '2026-03-01T08:00:01.000Z',
          },
        },
      ],
    });
    const listed = await cx(['dlq', 'list', 'projections'], env);
    expect(listed.code).toBe(0);
    expect(listed.stdout.trim()).toMatch(
      new RegExp(
        `^\\d@0 2026-03-01T08:00:01.000Z from=${topic}\\[1\\]@7 type=- key=c-9 reason=unparseable JSON: Unexpected token$`,
      ),
    );
  });

  it('answers a usage error with exit code 2', async () => {
    expect((await cx(['tail'], env)).code).toBe(2);
  });
});
