import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The `reporting` schema BI tools read with plain SQL, and the read-only `bi_reader` role.
 * Tables are versioned (`_v1`) so a rebuild can fill `_v2` and swap the view; views are the stable names.
 */
export class CreateReportingSchema1764000002000 implements MigrationInterface {
  name = 'CreateReportingSchema1764000002000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('CREATE SCHEMA reporting');
    await db.query(`
      CREATE TABLE reporting.complaint_escalations_v1 (
        complaint_id           uuid        PRIMARY KEY,
        project                text        NOT NULL,
        region                 text        NOT NULL,
        category               text        NOT NULL,
        severity               text        NOT NULL,
        channel                text        NOT NULL,
        status                 text        NOT NULL CHECK (status IN ('open', 'resolved')),
        escalation_level       text        NOT NULL,
        escalation_trail       jsonb       NOT NULL,
        filed_at               timestamptz NOT NULL,
        reached_ceo_office_at  timestamptz,
        resolved_at            timestamptz,
        last_stream_version    integer     NOT NULL,
        last_position          bigint      NOT NULL,
        updated_at             timestamptz NOT NULL
      )`);
    await db.query(`
      CREATE INDEX complaint_escalations_v1_open_at_ceo
        ON reporting.complaint_escalations_v1 (filed_at)
        WHERE status = 'open' AND escalation_level = 'ceo_office'`);
    await db.query(`
      CREATE VIEW reporting.ceo_escalations AS
      SELECT complaint_id, project, region, category, severity, channel, escalation_level,
             filed_at, reached_ceo_office_at,
             now() - filed_at AS age,
             round(extract(epoch FROM now() - filed_at) / 3600, 1) AS age_hours,
             escalation_trail
        FROM reporting.complaint_escalations_v1
       WHERE status = 'open' AND escalation_level = 'ceo_office'`);
    await db.query(`COMMENT ON VIEW reporting.ceo_escalations IS
      'Open complaints at the CEO office, with age and escalation trail. See services/projections/README.md.'`);
    // Roles are cluster-wide: another database (or a parallel test) may have created it already.
    await db.query(`
      DO $$ BEGIN
        CREATE ROLE bi_reader LOGIN;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$`);
    await db.query(
      `DO $$ BEGIN EXECUTE format('GRANT CONNECT ON DATABASE %I TO bi_reader', current_database()); END $$`,
    );
    await db.query('GRANT USAGE ON SCHEMA reporting TO bi_reader');
    await db.query('GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO bi_reader');
    await db.query('ALTER DEFAULT PRIVILEGES IN SCHEMA reporting GRANT SELECT ON TABLES TO bi_reader');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP SCHEMA reporting CASCADE');
  }
}
