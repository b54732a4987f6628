import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One typical-case review per complaint: each review claims its complaint here in the same transaction as
 * TypicalCaseMarked, so a second review of the same complaint, concurrent ones included, fails on the key.
 */
export class CreateTypicalCaseReviewsByComplaint1764000001200 implements MigrationInterface {
  name = 'CreateTypicalCaseReviewsByComplaint1764000001200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE typical_case_reviews_by_complaint (
        complaint_id  uuid        PRIMARY KEY,
        review_id     uuid        NOT NULL UNIQUE,
        recorded_at   timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE typical_case_reviews_by_complaint');
  }
}
