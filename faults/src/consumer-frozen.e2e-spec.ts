import { eventually } from '@cx/testing';
import { ComplaintLoad, refused, statusCounts } from './harness/complaint-load';
import { expectAcceptedCommandsStored, expectEveryEventExactlyOnce } from './harness/invariants';
import { Scenario } from './harness/scenario';

/**
 * The frozen consumer is caught with work in hand by construction: a lock the test holds stops it in the middle
 * of applying an event (its processed_events row written, not committed), and there it is frozen.
 */
describe('a projections consumer frozen (SIGSTOP) past its session timeout, then thawed', () => {
  const scenario = new Scenario('frozen');
  afterAll(() => scenario.close());

  it('has its stale work fenced off: the new owner takes over, nothing is applied twice', async () => {
    const complaints = await scenario.start('complaints');
    const frozen = await scenario.start('projections');
    const load = new ComplaintLoad(() => [complaints.url], scenario.token('agent'));
    // Filed apart from the load, so that the load never escalates it.
    const filed = await new ComplaintLoad(() => [complaints.url], scenario.token('agent')).file(complaints.url);
    const victim = filed.complaintId!;
    await expectEveryEventExactlyOnce(scenario, { topicDuplicates: 'none' });

    // A table lock takes no transaction id: the complaints relay (same cluster, pg_snapshot_xmin) is not held up.
    const gate = await scenario.session('projections');
    await gate.query('BEGIN');
    await gate.query('LOCK TABLE reporting.complaint_escalations_v1 IN EXCLUSIVE MODE');
    const escalated = await fetch(`${complaints.url}/v1/complaints/${victim}/escalations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${scenario.token('agent')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'Fault injection: the event the frozen consumer holds' }),
    });
    expect(escalated.status).toBe(200);
    await eventually(
      async () =>
        expect(await scenario.waitingOnLock('projections', 'SELECT * FROM reporting.complaint_escalations_v1')).toBe(
          true,
        ),
      30_000,
    );
    frozen.signal('SIGSTOP');
    // Its session now holds the escalation's processed_events row and the read-model row, uncommitted. It also
    // holds a transaction id, so the relay publishes nothing new until it ends: the load is accepted meanwhile.
    await gate.query('ROLLBACK');

    const running = load.run({ commands: 600, perSecond: 15 });
    const successor = await scenario.start('projections', { instance: 'successor' });
    // The frozen member misses its heartbeats; after the session timeout (30 s) the group goes on without it,
    // and its successor, redelivered the frozen batch, waits on the frozen session's row.
    await eventually(async () => {
      expect(await scenario.projectionsGroupMembers()).toBe(1);
      expect(await scenario.waitingOnLock('projections', 'INSERT INTO processed_events')).toBe(true);
    }, 90_000);

    frozen.signal('SIGCONT');
    const results = await running;
    expect(statusCounts(refused(results))).toEqual({});
    await expectAcceptedCommandsStored(scenario, load.results);
    await expectEveryEventExactlyOnce(scenario, { topicDuplicates: 'none' });
    // Thawed, it was told it is no longer a member (its heartbeat refused, so no commit), rejoined, and serves.
    await eventually(async () => expect(await scenario.projectionsGroupMembers()).toBe(2), 60_000);
    expect(frozen.running && successor.running).toBe(true);
    expect(frozen.output.join('')).toMatch(/not aware of this member|not the current generation|rebalancing/i);
  });
});
