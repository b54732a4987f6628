import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The complaint the complaints service filed to follow up a response (ComplaintFiled with `surveyResponseId` on
 * cx.complaints.events), so a response shows its follow-up; and an index to find one response among the events.
 */
export class CreateSurveyFollowUps1764000007000 implements MigrationInterface {
  name = 'CreateSurveyFollowUps1764000007000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE survey_follow_ups (
        response_id   uuid        PRIMARY KEY,
        complaint_id  uuid        NOT NULL,
        filed_at      timestamptz NOT NULL
      )`);
    await db.query(`
      CREATE INDEX events_survey_response_id ON events ((data->>'responseId'))
       WHERE type = 'SurveyResponseRecorded'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX events_survey_response_id');
    await db.query('DROP TABLE survey_follow_ups');
  }
}
