import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every access grant as it stands, written in the same transaction as its events: reveal finds the caller's
 * grants here (and locks the one it uses), the access review lists the active ones, the expiry job finds the due
 * ones. The grant's stream stays the truth (GET by id reads the stream).
 */
export class CreateAccessGrants1764000005200 implements MigrationInterface {
  name = 'CreateAccessGrants1764000005200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE access_grants (
        grant_id      uuid        PRIMARY KEY,
        status        text        NOT NULL,
        grantee_type  text        NOT NULL,
        grantee_id    text        NOT NULL,
        category      text        NOT NULL,
        level         text        NOT NULL,
        subject_id    text,
        purpose       text        NOT NULL,
        expires_at    timestamptz NOT NULL,
        requested_by  text        NOT NULL,
        requested_at  timestamptz NOT NULL,
        approved_by   text,
        approved_at   timestamptz,
        updated_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX access_grants_grantee ON access_grants (grantee_type, grantee_id)');
    await db.query(
      "CREATE INDEX access_grants_open_by_expiry ON access_grants (expires_at) WHERE status IN ('requested', 'approved')",
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE access_grants');
  }
}
