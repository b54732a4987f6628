import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per customer while a transaction applies that customer's filings or erasure, deleted before it commits:
 * a concurrent transaction touching the same customer waits on the row, then reads what the first one wrote.
 * Without it, two transactions (two partitions of a rebuild, two replicas) could each miss the other's filing
 * (no repeat flagged) or an erasure could miss a filing being remembered. Unlogged: it never holds a committed row.
 */
export class ComplaintCustomerLocks1764000002900 implements MigrationInterface {
  name = 'ComplaintCustomerLocks1764000002900';

  async up(db: QueryRunner): Promise<void> {
    await db.query('CREATE UNLOGGED TABLE public.complaint_customer_locks (customer_id text PRIMARY KEY)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE public.complaint_customer_locks');
  }
}
