import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The customer's own words may hold personal data, so they are kept here, beside the stream,
 * and never in an event or on Kafka.
 */
export class CreateComplaintDescriptions1764000001000 implements MigrationInterface {
  name = 'CreateComplaintDescriptions1764000001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE complaint_descriptions (
        complaint_id  uuid        PRIMARY KEY,
        description   text        NOT NULL,
        recorded_at   timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE complaint_descriptions');
  }
}
