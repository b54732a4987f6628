import { Inject, Injectable } from '@nestjs/common';
import {
  ACCESS_GRANT_STREAM_TYPE,
  accessGrantEventSchemas,
  AccessPurpose,
  ConfidentialityLevel,
  GranteeType,
  InformationCategory,
} from '@cx/contracts';
import { AggregateRepository, AppendResult, HandleOptions, PostgresEventStore, versionOneCodec } from '@cx/event-store';
import { PG_POOL } from '@cx/platform';
import type { Pool, PoolClient } from 'pg';
import type { AccessGrantCommand } from '../domain/access-grant/access-grant.commands';
import { accessGrantDecider } from '../domain/access-grant/access-grant.decider';
import type { AccessGrantEvent } from '../domain/access-grant/access-grant.events';
import type { AccessGrantState, GrantOnRecord } from '../domain/access-grant/access-grant.state';

interface GrantRow {
  grant_id: string;
  status: GrantOnRecord['status'];
  grantee_type: GranteeType;
  grantee_id: string;
  category: InformationCategory;
  level: ConfidentialityLevel;
  subject_id: string | null;
  purpose: AccessPurpose;
  expires_at: Date;
}

/** The grant a reveal relied on was revoked or expired while the reveal committed: the decision is taken again. */
export class GrantNoLongerApplies extends Error {
  constructor(readonly grantId: string) {
    super(`Access grant ${grantId} stopped applying while it was used`);
  }
}

@Injectable()
export class AccessGrantRepository extends AggregateRepository<AccessGrantCommand, AccessGrantEvent, AccessGrantState> {
  constructor(
    store: PostgresEventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {
    super(store, accessGrantDecider, ACCESS_GRANT_STREAM_TYPE, versionOneCodec(accessGrantEventSchemas));
  }

  /** Every change also rewrites the grant's row in access_grants, in the same transaction as its events. */
  override handle(
    grantId: string,
    command: AccessGrantCommand,
    options: HandleOptions<AccessGrantState>,
  ): Promise<AppendResult> {
    return super.handle(grantId, command, {
      ...options,
      alsoInTransaction: async (tx, after) => {
        await options.alsoInTransaction?.(tx, after);
        if (after.status === 'not_requested') return;
        const approved = 'approvedBy' in after ? after : { approvedBy: null, approvedAt: null };
        await tx.query(
          `INSERT INTO access_grants (grant_id, status, grantee_type, grantee_id, category, level, subject_id, purpose,
                                      expires_at, requested_by, requested_at, approved_by, approved_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, now())
           ON CONFLICT (grant_id) DO UPDATE SET status = EXCLUDED.status, approved_by = EXCLUDED.approved_by,
             approved_at = EXCLUDED.approved_at, updated_at = now()`,
          [
            grantId,
            after.status,
            after.grantee.type,
            after.grantee.id,
            after.scope.category,
            after.scope.level,
            after.scope.subjectId,
            after.purpose,
            after.expiresAt,
            after.requestedBy,
            after.requestedAt,
            approved.approvedBy,
            approved.approvedAt,
          ],
        );
      },
    });
  }

  /** Every grant over customer personal information the caller holds, as a user or through a role. */
  async heldBy(holder: { sub: string; roles: readonly string[] }, subjectId: string): Promise<GrantOnRecord[]> {
    const { rows } = await this.pool.query<GrantRow>(
      `SELECT grant_id, status, grantee_type, grantee_id, category, level, subject_id, purpose, expires_at
         FROM access_grants
        WHERE ((grantee_type = 'user' AND grantee_id = $1) OR (grantee_type = 'role' AND grantee_id = ANY($2)))
          AND category = 'customer_personal_information' AND (subject_id IS NULL OR subject_id = $3)`,
      [holder.sub, holder.roles, subjectId],
    );
    return rows.map((row) => ({
      grantId: row.grant_id,
      status: row.status,
      grantee: { type: row.grantee_type, id: row.grantee_id },
      scope: { category: row.category, level: row.level, subjectId: row.subject_id },
      purpose: row.purpose,
      expiresAt: row.expires_at.toISOString(),
    }));
  }

  /**
   * In the transaction of the read it allows: the grant is still approved and unexpired, and stays so until that
   * commits (the row lock makes a concurrent revocation wait). One revoked meanwhile fails the read instead.
   */
  static stillApplies(grantId: string, now: Date) {
    return async (tx: PoolClient): Promise<void> => {
      const { rowCount } = await tx.query(
        `SELECT 1 FROM access_grants WHERE grant_id = $1 AND status = 'approved' AND expires_at > $2 FOR SHARE`,
        [grantId, now],
      );
      if (rowCount !== 1) throw new GrantNoLongerApplies(grantId);
    };
  }

  /** Requests and grants whose expiry has passed and is not recorded yet, soonest first. */
  async dueForExpiry(now: Date, limit: number): Promise<string[]> {
    const { rows } = await this.pool.query<{ grant_id: string }>(
      `SELECT grant_id FROM access_grants WHERE status IN ('requested', 'approved') AND expires_at <= $1
        ORDER BY expires_at, grant_id LIMIT $2`,
      [now, limit],
    );
    return rows.map((r) => r.grant_id);
  }
}
