import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The events table of ARCHITECTURE.md, the relay checkpoint and the idempotency keys of one service database. */
export class CreateEventStore1764000000000 implements MigrationInterface {
  name = 'CreateEventStore1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE events (
        position        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        event_id        uuid        NOT NULL CONSTRAINT events_event_id_key UNIQUE,
        stream_id       text        NOT NULL,
        stream_type     text        NOT NULL,
        stream_version  integer     NOT NULL CHECK (stream_version > 0),
        type            text        NOT NULL,
        schema_version  integer     NOT NULL CHECK (schema_version > 0),
        data            jsonb       NOT NULL,
        metadata        jsonb       NOT NULL,
        recorded_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
        transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
        CONSTRAINT events_stream_version_key UNIQUE (stream_id, stream_version)
      )`);
    await db.query('CREATE INDEX events_relay_order ON events (transaction_id, position)');
    await db.query(`
      CREATE FUNCTION notify_events_appended() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('cx_events', '');
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER events_appended AFTER INSERT ON events
      FOR EACH STATEMENT EXECUTE FUNCTION notify_events_appended()`);
    // The log is append-only: stored events are never rewritten, old versions are upcast on read.
    await db.query(`
      CREATE FUNCTION refuse_event_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'events are append-only';
      END $$`);
    await db.query(`
      CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
      FOR EACH ROW EXECUTE FUNCTION refuse_event_rewrite()`);
    await db.query(`
      CREATE TABLE relay_checkpoints (
        name            text        PRIMARY KEY,
        transaction_id  xid8        NOT NULL,
        position        bigint      NOT NULL,
        updated_at      timestamptz NOT NULL
      )`);
    await db.query(`
      CREATE TABLE idempotency_keys (
        scope           text        NOT NULL,
        key             text        NOT NULL,
        fingerprint     text        NOT NULL,
        stream_id       text        NOT NULL,
        stream_version  integer     NOT NULL,
        event_ids       uuid[]      NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT idempotency_keys_pkey PRIMARY KEY (scope, key)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE idempotency_keys');
    await db.query('DROP TABLE relay_checkpoints');
    await db.query('DROP TABLE events');
    await db.query('DROP FUNCTION refuse_event_rewrite()');
    await db.query('DROP FUNCTION notify_events_appended()');
  }
}
