import { eventually } from '@cx/testing';
import { accepted, ComplaintLoad, refused, statusCounts } from './harness/complaint-load';
import { expectAcceptedCommandsStored, expectEveryEventExactlyOnce } from './harness/invariants';
import { Scenario } from './harness/scenario';

describe('a consumer group rebalance: a second projections instance joins and leaves under load', () => {
  const scenario = new Scenario('rebalance');
  afterAll(() => scenario.close());

  it('applies every event once, whichever instance owned its partition when', async () => {
    const complaints = await scenario.start('complaints');
    await scenario.start('projections');
    const load = new ComplaintLoad(() => [complaints.url], scenario.token('agent'));
    const running = load.run({ commands: 1500, perSecond: 50 });

    await load.untilSent(250);
    const second = await scenario.start('projections', { instance: 'second' });
    const group = scenario.projectionsGroup;
    // It takes partitions over while commands flow (how soon depends on the group's heartbeats and the machine),
    // then leaves, gracefully: SIGTERM, the batch in hand is committed.
    await eventually(
      async () =>
        expect(await second.metric('consumer_events_total', { group, outcome: 'applied' })).toBeGreaterThan(0),
      20_000,
    );
    await second.stop();
    const results = await running;

    expect(statusCounts(refused(results))).toEqual({});
    await expectAcceptedCommandsStored(scenario, results);
    const report = await expectEveryEventExactlyOnce(scenario, { topicDuplicates: 'none' });
    expect(report.events).toBe(accepted(results).length);
  });
});
