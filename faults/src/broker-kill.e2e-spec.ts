import { accepted, ComplaintLoad, refused, sleep, statusCounts } from './harness/complaint-load';
import { expectAcceptedCommandsStored, expectEveryEventExactlyOnce } from './harness/invariants';
import { Scenario } from './harness/scenario';

describe('the Kafka broker killed (SIGKILL) under load, restarted 10 s later', () => {
  const scenario = new Scenario('brokerkill');
  afterAll(() => scenario.close());

  it('keeps accepting commands; every accepted command reaches the topic and the projections exactly once', async () => {
    const complaints = await scenario.start('complaints');
    await scenario.start('projections');
    const load = new ComplaintLoad(() => [complaints.url], scenario.token('agent'));
    const running = load.run({ commands: 1000, perSecond: 50 });

    await load.untilSent(150);
    await scenario.infra.kafka.kill('SIGKILL');
    const downFrom = Date.now();
    await sleep(10_000);
    const downUntil = Date.now();
    await scenario.infra.kafka.start();
    const results = await running;

    expect(statusCounts(refused(results))).toEqual({});
    const sentWhileDown = results.filter((r) => r.sentAt >= downFrom && r.sentAt < downUntil);
    expect(sentWhileDown.length).toBeGreaterThan(100);
    await expectAcceptedCommandsStored(scenario, results);
    // A batch the broker stored just before it died, unacknowledged, is published again (IdempotentProducer).
    const report = await expectEveryEventExactlyOnce(scenario, { topicDuplicates: 'allowed' });
    expect(report.events).toBe(accepted(results).length);
  });
});
