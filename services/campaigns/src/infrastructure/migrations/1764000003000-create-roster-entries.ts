import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each campaign's roster as imported, names included. Names are personal data: they stay here, beside the
 * Roster stream, and never in an event or on Kafka. Written in the same transaction as the Roster events, so
 * recording an activity looks people up here instead of folding the whole roster stream.
 */
export class CreateRosterEntries1764000003000 implements MigrationInterface {
  name = 'CreateRosterEntries1764000003000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE roster_entries (
        campaign_id     uuid        NOT NULL,
        person_id       text        NOT NULL,
        name            text        NOT NULL,
        segment         text        NOT NULL,
        department      text        NOT NULL,
        region          text        NOT NULL,
        employed_from   date        NOT NULL,
        employed_until  date,
        updated_at      timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (campaign_id, person_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE roster_entries');
  }
}
