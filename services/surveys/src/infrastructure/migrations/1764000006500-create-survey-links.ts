import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single-use survey links (SMS, online forms). The token is a bearer credential: only its SHA-256 is kept.
 * Written with SurveyLinksIssued; `used_at` is set in the same transaction as the response given through it,
 * only while it is still null, so a link answers once even when two answers race.
 */
export class CreateSurveyLinks1764000006500 implements MigrationInterface {
  name = 'CreateSurveyLinks1764000006500';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE survey_links (
        link_id      uuid        PRIMARY KEY,
        token_hash   text        NOT NULL UNIQUE,
        wave_id      uuid        NOT NULL,
        subject_id   text        NOT NULL,
        expires_at   timestamptz NOT NULL,
        used_at      timestamptz,
        response_id  uuid,
        UNIQUE (wave_id, subject_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE survey_links');
  }
}
