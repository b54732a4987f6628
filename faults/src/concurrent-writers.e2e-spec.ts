import { ComplaintLoad } from './harness/complaint-load';
import { expectEveryEventExactlyOnce } from './harness/invariants';
import { Scenario } from './harness/scenario';
import type { ServiceProcess } from '@cx/testing';

describe('concurrent writers to one complaint, through two complaints instances on one database', () => {
  const scenario = new Scenario('writers');
  afterAll(() => scenario.close());

  const contact = (service: ServiceProcess, complaintId: string, ifMatch?: number) =>
    fetch(`${service.url}/v1/complaints/${complaintId}/contacts`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${scenario.token('agent')}`,
        'content-type': 'application/json',
        ...(ifMatch === undefined ? {} : { 'if-match': `"${ifMatch}"` }),
      },
      body: JSON.stringify({
        direction: 'outbound',
        channel: 'phone',
        outcome: 'reached',
        contactedAt: new Date(Date.now() - 60_000).toISOString(),
      }),
      signal: AbortSignal.timeout(20_000),
    }).then((r) => r.status);

  it('lets exactly one writer win each version; the others are told, none is lost or doubled', async () => {
    const instances = [
      await scenario.start('complaints', { instance: 'a' }),
      await scenario.start('complaints', { instance: 'b' }),
    ];
    await scenario.start('projections');
    const filed = await new ComplaintLoad(() => [instances[0].url], scenario.token('agent')).file(instances[0].url);
    expect(filed.status).toBe(201);
    const complaintId = filed.complaintId!;

    // If-Match: eight writers decide on the same version; one appends, seven are stale (412).
    const rounds = 10;
    for (let version = 1; version <= rounds; version++) {
      const statuses = await Promise.all(
        Array.from({ length: 8 }, (_, i) => contact(instances[i % 2], complaintId, version)),
      );
      expect(statuses.sort()).toEqual([200, 412, 412, 412, 412, 412, 412, 412]);
    }
    // Without If-Match a lost race is retried on fresh state; a writer that keeps losing gets 409.
    const statuses = await Promise.all(Array.from({ length: 20 }, (_, i) => contact(instances[i % 2], complaintId)));
    expect(statuses.filter((s) => s !== 200 && s !== 409)).toEqual([]);
    const won = statuses.filter((s) => s === 200).length;
    expect(won).toBeGreaterThan(0);

    const versions = await scenario.sql<{ stream_version: number }>(
      'complaints',
      'SELECT stream_version FROM events WHERE stream_id = $1 ORDER BY position',
      [complaintId],
    );
    const expected = Array.from({ length: 1 + rounds + won }, (_, i) => i + 1);
    expect(versions.map((v) => v.stream_version)).toEqual(expected);
    await expectEveryEventExactlyOnce(scenario, { topicDuplicates: 'none' });
  });
});
