import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The people a disclosure counted, by HR person id: the evidence a third-party assurer checks the disclosed
 * figures against. Ids only (names stay in roster_entries); written with the disclosure's event.
 */
export class CreateDisclosureEvidence1764000003500 implements MigrationInterface {
  name = 'CreateDisclosureEvidence1764000003500';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE disclosure_evidence (
        disclosure_id  uuid    NOT NULL,
        campaign_id    uuid    NOT NULL,
        person_id      text    NOT NULL,
        segment        text    NOT NULL,
        participant    boolean NOT NULL,
        PRIMARY KEY (disclosure_id, person_id)
      )`);
    await db.query(`CREATE INDEX events_campaign_activities ON events ((data->>'campaignId'))
      WHERE type = 'ParticipationActivityRecorded'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX events_campaign_activities');
    await db.query('DROP TABLE disclosure_evidence');
  }
}
