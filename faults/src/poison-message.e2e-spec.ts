import { createPool, PostgresEventStore } from '@cx/event-store';
import { randomUUID } from 'node:crypto';
import { ComplaintLoad, refused, statusCounts } from './harness/complaint-load';
import { deadLetters, expectEveryEventExactlyOnce } from './harness/invariants';
import { Scenario } from './harness/scenario';

describe('a poison message and schema-invalid events on the topic', () => {
  const scenario = new Scenario('poison');
  afterAll(() => scenario.close());

  it('go to the dead-letter topic with their reason, and consumption goes on', async () => {
    const complaints = await scenario.start('complaints');
    await scenario.start('projections');
    const load = new ComplaintLoad(() => [complaints.url], scenario.token('agent'));
    const running = load.run({ commands: 300, perSecond: 50 });
    await load.untilSent(100);

    // Straight onto the topic: bytes that are not JSON, and an envelope whose data breaks its schema.
    const producer = scenario.kafka.producer();
    await producer.connect();
    const streamId = randomUUID();
    await producer.send({
      topic: scenario.topic,
      messages: [
        { key: streamId, value: '{"type": "ComplaintFiled", "data": ' },
        {
          key: streamId,
          value: JSON.stringify({
            id: randomUUID(),
            type: 'ComplaintFiled',
            schemaVersion: 1,
            streamId,
            streamType: 'Complaint',
            streamVersion: 1,
            position: '1',
            occurredAt: new Date().toISOString(),
            correlationId: randomUUID(),
            causationId: null,
            actor: { type: 'user', id: 'fault-injector' },
            data: { complaintId: streamId, severity: 'apocalyptic' },
          }),
        },
      ],
    });
    await producer.disconnect();
    // Through the store and the relay: an event the complaints service's own code would never write.
    const pool = createPool(scenario.databaseUrl('complaints'), 'faults-poison');
    const invalid = await new PostgresEventStore(pool).append({
      streamId: randomUUID(),
      streamType: 'Complaint',
      expectedVersion: 0,
      events: [{ type: 'ComplaintEscalated', schemaVersion: 1, data: { complaintId: 'not-a-uuid', toLevel: 'moon' } }],
      metadata: { correlationId: randomUUID(), causationId: null, actor: { type: 'user', id: 'fault-injector' } },
    });
    await pool.end();
    const results = await running;

    expect(statusCounts(refused(results))).toEqual({});
    await expectEveryEventExactlyOnce(scenario, {
      topicDuplicates: 'none',
      deadLettered: invalid.events.map((e) => e.eventId),
      foreignMessages: 2,
    });
    const letters = await deadLetters(scenario);
    expect(letters).toHaveLength(3);
    expect(letters.filter((l) => l.reason.startsWith('unparseable JSON'))).toHaveLength(1);
    expect(letters.filter((l) => l.value.includes('apocalyptic'))).toHaveLength(1);
    expect(letters.filter((l) => l.value.includes(invalid.events[0].eventId))).toHaveLength(1);
    expect(letters.every((l) => l.reason.length > 0)).toBe(true);
  });
});
