import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who lives in each community (subject ids), written in the same transaction as CommunityResidentsRegistered:
 * registrations and care requests look a resident up here instead of folding the whole register stream.
 */
export class CreateCommunityResidents1764000004000 implements MigrationInterface {
  name = 'CreateCommunityResidents1764000004000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE community_residents (
        community      text        NOT NULL,
        resident_id    text        NOT NULL,
        elderly_care   boolean     NOT NULL,
        registered_at  timestamptz NOT NULL,
        PRIMARY KEY (community, resident_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE community_residents');
  }
}
