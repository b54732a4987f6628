import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The `events_appended` trigger's NOTIFY made every appending transaction take Postgres' cluster-wide
 * notification-queue lock at commit and hold it through the WAL flush, so concurrent appends committed one by
 * one (a 64-writer probe: 3,588 commits/s without, 986 with). The relay is now told by the store in its own
 * process and polls briefly for the appends of other instances.
 */
export class EventsAppendedWithoutNotify1764000000010 implements MigrationInterface {
  name = 'EventsAppendedWithoutNotify1764000000010';

  async up(db: QueryRunner): Promise<void> {
    await db.query('DROP TRIGGER IF EXISTS events_appended ON events');
    await db.query('DROP FUNCTION IF EXISTS notify_events_appended()');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION notify_events_appended() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('cx_events', '');
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER events_appended AFTER INSERT ON events
      FOR EACH STATEMENT EXECUTE FUNCTION notify_events_appended()`);
  }
}
