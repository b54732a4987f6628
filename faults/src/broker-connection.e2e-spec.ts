import { accepted, ComplaintLoad, refused, statusCounts } from './harness/complaint-load';
import { expectAcceptedCommandsStored, expectEveryEventExactlyOnce } from './harness/invariants';
import { Scenario } from './harness/scenario';
import { TcpProxy } from './harness/tcp-proxy';

describe('latency and connection resets between the services and the broker (a TCP proxy in between)', () => {
  const scenario = new Scenario('proxy');
  const { listenPort, upstreamPort } = scenario.infra.kafka.proxy;
  const proxy = new TcpProxy(listenPort, upstreamPort);
  afterAll(async () => {
    await scenario.close();
    await proxy.stop();
  });

  it('loses nothing and applies nothing twice', async () => {
    await proxy.start();
    const complaints = await scenario.start('complaints', { brokers: [proxy.address] });
    await scenario.start('projections', { brokers: [proxy.address] });
    const load = new ComplaintLoad(() => [complaints.url], scenario.token('agent'));
    const running = load.run({ commands: 1000, perSecond: 50 });

    await load.untilSent(100);
    proxy.setLatency(150);
    await load.untilSent(300);
    proxy.resetAll();
    await load.untilSent(500);
    proxy.resetAll();
    await load.untilSent(700);
    proxy.setLatency(0);
    proxy.resetAll();
    const results = await running;

    expect(proxy.resets).toBe(3);
    expect(statusCounts(refused(results))).toEqual({});
    await expectAcceptedCommandsStored(scenario, results);
    // A reset can cut off the acknowledgement of a batch the broker stored: that batch is published again.
    const report = await expectEveryEventExactlyOnce(scenario, { topicDuplicates: 'allowed' });
    expect(report.events).toBe(accepted(results).length);
  });
});
