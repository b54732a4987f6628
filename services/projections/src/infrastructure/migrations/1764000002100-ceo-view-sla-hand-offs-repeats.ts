import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The CEO view gains SLA state, hand-offs and the repeat-complaint flag. Repeats are found through
 * complaint_customers, which holds the customer's subject id and so stays outside the reporting schema.
 */
export class CeoViewSlaHandOffsRepeats1764000002100 implements MigrationInterface {
  name = 'CeoViewSlaHandOffsRepeats1764000002100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE reporting.complaint_escalations_v1
        ADD COLUMN sla_state text NOT NULL DEFAULT 'on_time' CHECK (sla_state IN ('on_time', 'at_risk', 'breached')),
        ADD COLUMN hand_offs integer NOT NULL DEFAULT 0,
        ADD COLUMN repeat_complaint boolean NOT NULL DEFAULT false`);
    await db.query(`
      CREATE TABLE complaint_customers (
        complaint_id  uuid        PRIMARY KEY,
        customer_id   text        NOT NULL,
        category      text        NOT NULL,
        filed_at      timestamptz NOT NULL
      )`);
    await db.query('CREATE INDEX complaint_customers_lookup ON complaint_customers (customer_id, category, filed_at)');
    await db.query(`
      CREATE OR REPLACE VIEW reporting.ceo_escalations AS
      SELECT complaint_id, project, region, category, severity, channel, escalation_level,
             filed_at, reached_ceo_office_at,
             now() - filed_at AS age,
             round(extract(epoch FROM now() - filed_at) / 3600, 1) AS age_hours,
             escalation_trail,
             sla_state, hand_offs, repeat_complaint
        FROM reporting.complaint_escalations_v1
       WHERE status = 'open' AND escalation_level = 'ceo_office'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP VIEW reporting.ceo_escalations');
    await db.query(`
      CREATE VIEW reporting.ceo_escalations AS
      SELECT complaint_id, project, region, category, severity, channel, escalation_level,
             filed_at, reached_ceo_office_at, now() - filed_at AS age,
             round(extract(epoch FROM now() - filed_at) / 3600, 1) AS age_hours, escalation_trail
        FROM reporting.complaint_escalations_v1
       WHERE status = 'open' AND escalation_level = 'ceo_office'`);
    await db.query('GRANT SELECT ON reporting.ceo_escalations TO bi_reader');
    await db.query('DROP TABLE complaint_customers');
    await db.query(`
      ALTER TABLE reporting.complaint_escalations_v1
        DROP COLUMN sla_state, DROP COLUMN hand_offs, DROP COLUMN repeat_complaint`);
  }
}
