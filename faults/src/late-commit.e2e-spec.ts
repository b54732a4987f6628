import { createPool, PostgresEventStore } from '@cx/event-store';
import { eventually } from '@cx/testing';
import { randomUUID } from 'node:crypto';
import { accepted, ComplaintLoad, sleep } from './harness/complaint-load';
import { expectEveryEventExactlyOnce } from './harness/invariants';
import { Scenario } from './harness/scenario';

describe('a transaction that commits late: it holds an early position while later ones commit', () => {
  const scenario = new Scenario('latecommit');
  const pool = createPool(scenario.databaseUrl('complaints'), 'faults-late-commit');
  let commit: () => void = () => undefined;
  afterAll(async () => {
    commit();
    await pool.end();
    await scenario.close();
  });

  it('is waited for by the relay, never skipped, and everything after it is published once', async () => {
    const complaints = await scenario.start('complaints');
    await scenario.start('projections');
    const load = new ComplaintLoad(() => [complaints.url], scenario.token('agent'));
    const filed = await load.file(complaints.url);
    const complaintId = filed.complaintId!;
    await eventually(async () => expect(await scenario.published()).toBe(1), 30_000);

    // The escalation's INSERT takes its position (and xid) now; the transaction commits when the test says so.
    let inserted!: () => void;
    const insertedNow = new Promise<void>((resolve) => (inserted = resolve));
    const commitNow = new Promise<void>((resolve) => (commit = resolve));
    const late = new PostgresEventStore(pool).append({
      streamId: complaintId,
      streamType: 'Complaint',
      expectedVersion: 1,
      events: [
        {
          type: 'ComplaintEscalated',
          schemaVersion: 1,
          data: {
            complaintId,
            fromLevel: 'frontline',
            toLevel: 'project',
            reason: 'Fault injection: a transaction that commits late',
            escalatedAt: new Date().toISOString(),
          },
        },
      ],
      metadata: { correlationId: randomUUID(), causationId: null, actor: { type: 'user', id: 'fault-injector' } },
      alsoInTransaction: async () => {
        inserted();
        await commitNow;
      },
    });
    await insertedNow;
    const results = await load.run({ commands: 200, perSecond: 100, escalateShare: 0 });
    expect(accepted(results)).toHaveLength(200);
    // Committed, yet held back: the relay publishes nothing past a transaction still in flight (a few polls).
    await sleep(3_000);
    expect(await scenario.published()).toBe(1);

    commit();
    const lateEvent = (await late).events[0];
    const [{ later }] = await scenario.sql<{ later: string }>(
      'complaints',
      'SELECT count(*) AS later FROM events WHERE position > $1',
      [lateEvent.position],
    );
    expect(Number(later)).toBe(200);
    const report = await expectEveryEventExactlyOnce(scenario, { topicDuplicates: 'none' });
    expect(report.events).toBe(202);
  });
});
