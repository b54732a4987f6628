import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Free-text answers may hold personal data (a name, a phone number, an address), so they are kept here, beside
 * the stream, and never in an event or on Kafka: events only say that a response has free text.
 */
export class CreateResponseFreeTexts1764000006300 implements MigrationInterface {
  name = 'CreateResponseFreeTexts1764000006300';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE response_free_texts (
        response_id  uuid        NOT NULL,
        question_id  text        NOT NULL,
        wave_id      uuid        NOT NULL,
        subject_id   text,
        text         text        NOT NULL,
        recorded_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (response_id, question_id)
      )`);
    await db.query('CREATE INDEX response_free_texts_wave ON response_free_texts (wave_id)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE response_free_texts');
  }
}
