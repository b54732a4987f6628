import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An activity's findings are only in its ParticipationActivityRecorded event, inside a submission's stream.
 * Raising a problem names the activity, not the submission: this index finds the event by activity id.
 */
export class IndexParticipationActivities1764000003200 implements MigrationInterface {
  name = 'IndexParticipationActivities1764000003200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE INDEX events_participation_activity_id ON events ((data->>'activityId'))
       WHERE type = 'ParticipationActivityRecorded'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX events_participation_activity_id');
  }
}
