import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The check-in code of each confirmed registration, written in the same transaction as the confirmation. Codes
 * stay here, never in an event: whoever reads the topic cannot check anybody in.
 */
export class CreateCheckInCodes1764000004100 implements MigrationInterface {
  name = 'CreateCheckInCodes1764000004100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE check_in_codes (
        code             text        PRIMARY KEY,
        activity_id      uuid        NOT NULL,
        registration_id  uuid        NOT NULL UNIQUE,
        issued_at        timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE check_in_codes');
  }
}
