import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@cx/contracts';
import { migrateDatabase } from '@cx/event-store';
import { createTestDatabase, TestDatabase } from '@cx/testing';
import { Pool, PoolClient } from 'pg';
import { eventHistory } from './event-history.support';
import { projectionMigrations } from './infrastructure/projection-migrations';
import { ceoEscalations } from './projections/ceo-escalations/ceo-escalations';

const CUSTOMER = 'subj_concurrent01';

const { envelope } = eventHistory({
  occurredAt: '2026-06-01T09:00:00.000Z',
  correlationId: 'concurrent-customers-test',
  actorId: 'agent-1',
});

function filing(filedAt: string): EventEnvelope {
  const complaintId = randomUUID();
  return envelope(
    'Complaint',
    complaintId,
    'ComplaintFiled',
    {
      complaintId,
      customerId: CUSTOMER,
      project: 'P1',
      region: 'r1',
      category: 'delivery',
      severity: 'high',
      channel: 'hotline',
      escalationLevel: 'frontline',
      filedAt,
    },
    filedAt,
  );
}

const erasure = (at: string) =>
  envelope('Subject', CUSTOMER, 'SubjectErased', { subjectId: CUSTOMER, ground: 'subject_request', erasedAt: at }, at);

/**
 * Two transactions applying events of one customer at the same time, as two partitions of a rebuild or two
 * replicas do: the second must see what the first wrote, not what was there before either began.
 */
describe('the CEO escalation view with two transactions on one customer (real Postgres)', () => {
  let database: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    database = await createTestDatabase('concurrent_customers');
    await migrateDatabase(database.url, projectionMigrations);
    pool = new Pool({ connectionString: database.url, max: 4 });
  });

  afterEach(async () => {
    await pool.query('TRUNCATE reporting.complaint_escalations_v1, reporting.complaint_escalations_history_v1');
    await pool.query('TRUNCATE public.complaint_customers, public.erased_subjects');
  });

  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  /**
   * Applies `first` and leaves it open, applies `second` on another connection until it waits for a lock or
   * is done, then commits both. Waiting is what the customer lock is for; finishing early means it read too soon.
   */
  async function applyOverlapping(first: EventEnvelope[], second: EventEnvelope[]): Promise<void> {
    const [a, b] = [await pool.connect(), await pool.connect()];
    try {
      await a.query('BEGIN');
      await ceoEscalations.applyMany!(first, a, ceoEscalations.tables);
      await b.query('BEGIN');
      const { rows } = await b.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      let settled = false;
      const secondApplied = ceoEscalations.applyMany!(second, b, ceoEscalations.tables).finally(() => {
        settled = true;
      });
      await untilWaitingOrSettled(rows[0].pid, () => settled);
      await a.query('COMMIT');
      await secondApplied;
      await b.query('COMMIT');
    } finally {
      await rollbackQuietly(a);
      await rollbackQuietly(b);
    }
  }

  async function untilWaitingOrSettled(pid: number, settled: () => boolean): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (!settled()) {
      const { rows } = await pool.query<{ waiting: boolean }>(
        `SELECT wait_event_type = 'Lock' AS waiting FROM pg_stat_activity WHERE pid = $1`,
        [pid],
      );
      if (rows[0]?.waiting) return;
      if (Date.now() > deadline) throw new Error('the second transaction neither waited nor finished within 20 s');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async function rollbackQuietly(client: PoolClient): Promise<void> {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }

  it('flags a filing as a repeat of one being applied at the same time', async () => {
    const earlier = filing('2026-06-01T09:00:00.000Z');
    const later = filing('2026-06-11T09:00:00.000Z');

    await applyOverlapping([earlier], [later]);

    const { rows } = await pool.query<{ complaint_id: string; repeat_complaint: boolean }>(
      'SELECT complaint_id, repeat_complaint FROM reporting.complaint_escalations_v1 ORDER BY filed_at',
    );
    expect(rows).toEqual([
      { complaint_id: earlier.streamId, repeat_complaint: false },
      { complaint_id: later.streamId, repeat_complaint: true },
    ]);
  });

  it('forgets a filing that was being applied while the customer was erased', async () => {
    const filed = filing('2026-06-01T09:00:00.000Z');

    await applyOverlapping([filed], [erasure('2026-06-02T09:00:00.000Z')]);

    const remembered = await pool.query('SELECT * FROM public.complaint_customers WHERE customer_id = $1', [CUSTOMER]);
    expect(remembered.rows).toEqual([]);
    const erased = await pool.query('SELECT subject_id FROM public.erased_subjects');
    expect(erased.rows).toEqual([{ subject_id: CUSTOMER }]);
  });

  it('leaves no customer behind in the lock table', async () => {
    await applyOverlapping([filing('2026-06-01T09:00:00.000Z')], [filing('2026-06-03T09:00:00.000Z')]);

    const { rows } = await pool.query('SELECT * FROM public.complaint_customer_locks');
    expect(rows).toEqual([]);
  });
});
