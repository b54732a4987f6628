import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When each complaint's SLA clocks next need a look (an at-risk share or a deadline), written in the same
 * transaction as the complaint's events; null when no clock can fire any more. The scheduler reads it.
 */
export class CreateSlaChecks1764000001100 implements MigrationInterface {
  name = 'CreateSlaChecks1764000001100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sla_checks (
        complaint_id  uuid        PRIMARY KEY,
        due_at        timestamptz,
        updated_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX sla_checks_due ON sla_checks (due_at) WHERE due_at IS NOT NULL');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE sla_checks');
  }
}
