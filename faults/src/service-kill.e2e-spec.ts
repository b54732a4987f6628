import { scanTopic } from '@cx/messaging';
import { eventually } from '@cx/testing';
import { ComplaintLoad } from './harness/complaint-load';
import { expectAcceptedCommandsStored, expectEveryEventExactlyOnce } from './harness/invariants';
import { Scenario } from './harness/scenario';
import type { ServiceProcess } from '@cx/testing';

/**
 * Kills land mid-batch by construction, not by luck: a lock the test holds stops the relay after it published a
 * batch and before it checkpoints it, and stops the consumer after it applied part of a batch and before it
 * commits the offsets; the test sees the process wait on that lock, then kills it.
 */
describe('a service killed (SIGKILL) mid-batch, then restarted', () => {
  const scenario = new Scenario('servicekill');
  afterAll(() => scenario.close());

  let complaints: ServiceProcess;
  let projections: ServiceProcess;
  let load: ComplaintLoad;

  it('in the relay, between publishing a batch and checkpointing it: the batch goes out again, applied once', async () => {
    complaints = await scenario.start('complaints');
    // Small transactions, so that a batch holds several and the consumer case below has committed some of them
    // when it is killed inside a later one.
    projections = await scenario.start('projections', { env: { CONSUMER_EVENTS_PER_TRANSACTION: '20' } });
    load = new ComplaintLoad(() => [complaints.url], scenario.token('agent'));

    // An open transaction with an xid holds pg_snapshot_xmin, so the relay sees nothing written after it...
    const holder = await scenario.session('complaints');
    await holder.query('BEGIN');
    await holder.query('SELECT pg_current_xact_id()');
    // ...and this lock (no xid) lets the relay read its checkpoint but not write it.
    const blocker = await scenario.session('complaints');
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE relay_checkpoints IN SHARE MODE');
    await load.run({ commands: 400, perSecond: 100 });
    await holder.query('COMMIT');

    await eventually(async () => {
      expect(await scenario.published()).toBe(400);
      expect(await scenario.waitingOnLock('complaints', 'INSERT INTO relay_checkpoints')).toBe(true);
    }, 60_000);
    await complaints.kill();
    await scenario.endSessionsOf('complaints');
    await blocker.query('ROLLBACK');

    await complaints.start();
    await load.run({ commands: 100, perSecond: 50 });
    await expectAcceptedCommandsStored(scenario, load.results);
    const report = await expectEveryEventExactlyOnce(scenario, { topicDuplicates: 'allowed' });
    expect(report.topicDuplicates).toBeGreaterThanOrEqual(400);
  });

  it('in the projections consumer, between applying part of a batch and committing it: applied once', async () => {
    await projections.stop();
    const consumed = await scenario.topicEnds();
    await load.run({ commands: 400, perSecond: 100 });
    await eventually(async () => {
      const [{ behind }] = await scenario.sql<{ behind: boolean }>(
        'complaints',
        `SELECT (SELECT max(position) FROM events) > coalesce((SELECT max(position) FROM relay_checkpoints), 0)
           AS behind`,
      );
      expect(behind).toBe(false);
    }, 60_000);

    // The backlog's middle message in its busiest partition: the consumer commits the transactions of 20 before
    // it in the same batch, then waits on this row inside the next one until the test lets go; the batch's offsets
    // are committed only at its end.
    const backlog = new Map<number, Array<{ offset: string; id: string }>>();
    await scanTopic(scenario.kafka, scenario.topic, (message, partition) => {
      if (BigInt(message.offset) < consumed.get(partition)!) return;
      const id = (JSON.parse(message.value!.toString('utf8')) as { id: string }).id;
      backlog.set(partition, [...(backlog.get(partition) ?? []), { offset: message.offset, id }]);
    });
    const [partition, messages] = [...backlog].sort(([, a], [, b]) => b.length - a.length)[0];
    const victim = messages[Math.floor(messages.length / 2)];
    const gate = await scenario.session('projections');
    await gate.query('BEGIN');
    await gate.query(
      `INSERT INTO processed_events (consumer_group, event_id, topic, partition, "offset") VALUES ($1, $2, $3, $4, $5)`,
      [scenario.projectionsGroup, victim.id, scenario.topic, partition, victim.offset],
    );

    await projections.start();
    await eventually(async () => {
      expect(await scenario.waitingOnLock('projections', 'INSERT INTO processed_events')).toBe(true);
      const [{ before }] = await scenario.sql<{ before: string }>(
        'projections',
        `SELECT count(*) AS before FROM processed_events
          WHERE consumer_group = $1 AND topic = $2 AND partition = $3 AND "offset" >= $4 AND "offset" < $5`,
        [scenario.projectionsGroup, scenario.topic, partition, messages[0].offset, victim.offset],
      );
      expect(Number(before)).toBeGreaterThan(0);
    }, 60_000);
    await projections.kill();
    await scenario.endSessionsOf('projections');
    await gate.query('ROLLBACK');

    await projections.start();
    await expectAcceptedCommandsStored(scenario, load.results);
    await expectEveryEventExactlyOnce(scenario, { topicDuplicates: 'allowed' });
    // Redelivered from the last committed offset: what was applied before the kill is recognised, not reapplied.
    expect(
      await projections.metric('consumer_events_total', { group: scenario.projectionsGroup, outcome: 'duplicate' }),
    ).toBeGreaterThan(0);
  });
});
