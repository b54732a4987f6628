import { ComplaintLoad, refused, sleep, statusCounts } from './harness/complaint-load';
import { expectAcceptedCommandsStored, expectEveryEventExactlyOnce } from './harness/invariants';
import { Scenario } from './harness/scenario';
import type { ServiceProcess } from '@cx/testing';

describe('Postgres restarted under load (a fast shutdown, then a crash)', () => {
  const scenario = new Scenario('pgrestart');
  afterAll(() => scenario.close());

  const readiness = async (service: ServiceProcess) =>
    (await fetch(`${service.url}/health/ready`, { signal: AbortSignal.timeout(10_000) })).status;

  it('answers 503 problem+json while it is down, never hangs or fails with a 500, and recovers without a restart', async () => {
    const complaints = await scenario.start('complaints');
    const projections = await scenario.start('projections');
    const load = new ComplaintLoad(() => [complaints.url], scenario.token('agent'));
    const running = load.run({ commands: 600, perSecond: 40 });

    await load.untilSent(150);
    await scenario.infra.postgres.stop('fast');
    expect(await readiness(complaints)).toBe(503);
    expect(await readiness(projections)).toBe(503);
    await sleep(5_000);
    await scenario.infra.postgres.start();
    await load.untilSent(400);
    await scenario.infra.postgres.stop('immediate');
    await sleep(3_000);
    await scenario.infra.postgres.start();
    const results = await running;

    const failed = refused(results);
    expect(failed.length).toBeGreaterThan(0);
    expect(Object.keys(statusCounts(failed)).filter((s) => !s.endsWith(' 503'))).toEqual([]);
    for (const { contentType, body } of failed) {
      expect(contentType).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(body)).toMatchObject({ type: 'urn:cx:problem:service-unavailable', status: 503 });
      expect(body).not.toMatch(/\n\s+at /);
    }

    // The same processes serve again, and clients that were refused try again with their Idempotency-Key.
    expect([complaints.running, projections.running]).toEqual([true, true]);
    expect([await readiness(complaints), await readiness(projections)]).toEqual([200, 200]);
    for (const filing of failed.filter((r) => r.kind === 'file')) {
      expect((await load.refile(complaints.url, filing)).status).toBe(201);
    }

    // A refused filing may have committed before its answer was lost: its retry is replayed, never filed twice.
    const keys = new Set(load.results.filter((r) => r.kind === 'file').map((r) => r.idempotencyKey));
    const [{ filed }] = await scenario.sql<{ filed: string }>(
      'complaints',
      "SELECT count(*) AS filed FROM events WHERE type = 'ComplaintFiled'",
    );
    expect(Number(filed)).toBe(keys.size);
    await expectAcceptedCommandsStored(scenario, load.results);
    // The relay may have published a batch whose checkpoint the database did not take: published again.
    await expectEveryEventExactlyOnce(scenario, { topicDuplicates: 'allowed' });
  });
});
