import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Residents' feedback comments: free text that may name people, so it stays in this database, written in the
 * same transaction as ActivityFeedbackGiven (which says only that there is a comment).
 */
export class CreateActivityFeedbackComments1764000004300 implements MigrationInterface {
  name = 'CreateActivityFeedbackComments1764000004300';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE activity_feedback_comments (
        registration_id  uuid        PRIMARY KEY,
        activity_id      uuid        NOT NULL,
        comment          text        NOT NULL,
        given_at         timestamptz NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE activity_feedback_comments');
  }
}
