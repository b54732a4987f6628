import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The access audit trail: one row per access decision on personal data (an unmasked read allowed or denied, a
 * data-subject export), written in the transaction that appends its event and pointing at it. Append-only like
 * the event store: a trigger refuses UPDATE, DELETE and TRUNCATE. Subject ids only, no personal data, so an
 * erasure leaves the trail whole. Reads and exports recorded before this table existed are copied from the events.
 */
export class CreateAccessAudit1764000005300 implements MigrationInterface {
  name = 'CreateAccessAudit1764000005300';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE access_audit (
        event_id    uuid        PRIMARY KEY REFERENCES events (event_id),
        position    bigint      NOT NULL UNIQUE,
        decided_at  timestamptz NOT NULL,
        decision    text        NOT NULL CHECK (decision IN ('allowed', 'denied')),
        action      text        NOT NULL CHECK (action IN ('reveal', 'export')),
        reason      text,
        subject_id  text        NOT NULL,
        actor       text        NOT NULL,
        purpose     text        NOT NULL,
        fields      text[],
        grant_id    uuid
      )`);
    await db.query('CREATE INDEX access_audit_subject ON access_audit (subject_id, position)');
    await db.query('CREATE INDEX access_audit_actor ON access_audit (actor, position)');
    await db.query('CREATE INDEX access_audit_decided_at ON access_audit (decided_at)');
    await db.query(`
      CREATE FUNCTION refuse_access_audit_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the access audit trail is append-only';
      END $$`);
    await db.query(`
      CREATE TRIGGER access_audit_append_only BEFORE UPDATE OR DELETE ON access_audit
      FOR EACH ROW EXECUTE FUNCTION refuse_access_audit_rewrite()`);
    await db.query(`
      CREATE TRIGGER access_audit_no_truncate BEFORE TRUNCATE ON access_audit
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_access_audit_rewrite()`);
    await db.query(`
      INSERT INTO access_audit (event_id, position, decided_at, decision, action, subject_id, actor, purpose, fields)
      SELECT event_id, position,
             (CASE type WHEN 'PersonalDataRevealed' THEN data->>'revealedAt' ELSE data->>'exportedAt' END)::timestamptz,
             'allowed',
             CASE type WHEN 'PersonalDataRevealed' THEN 'reveal' ELSE 'export' END,
             data->>'subjectId',
             CASE type WHEN 'PersonalDataRevealed' THEN data->>'revealedTo' ELSE data->>'exportedBy' END,
             coalesce(data->>'purpose', 'data_subject_request'),
             CASE type WHEN 'PersonalDataRevealed'
               THEN ARRAY(SELECT jsonb_array_elements_text(data->'fields')) END
        FROM events
       WHERE stream_type = 'Subject' AND type IN ('PersonalDataRevealed', 'SubjectDataExported')
       ORDER BY position`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE access_audit');
    await db.query('DROP FUNCTION refuse_access_audit_rewrite()');
  }
}
