import type { AccessDenialReason, AccessPurpose, PersonalDataField } from '@cx/contracts';
import type { PoolClient } from 'pg';

/** One access decision on personal data, as the audit trail keeps it. */
export interface AccessAuditEntry {
  decidedAt: Date;
  decision: 'allowed' | 'denied';
  action: 'reveal' | 'export';
  reason: AccessDenialReason | null;
  subjectId: string;
  actor: string;
  purpose: AccessPurpose;
  /** Null for an export: everything held. */
  fields: readonly PersonalDataField[] | null;
  grantId: string | null;
}

/**
 * Written in the transaction that appends the decision's event (the last one of `streamId`), pointing at it: the
 * trail and the events cannot disagree, and a rolled-back decision leaves no row.
 */
export function recordAccessDecision(streamId: string, entry: AccessAuditEntry) {
  return async (tx: PoolClient): Promise<void> => {
    await tx.query(
      `INSERT INTO access_audit (event_id, position, decided_at, decision, action, reason, subject_id, actor, purpose,
                                 fields, grant_id)
       SELECT event_id, position, $2, $3, $4, $5, $6, $7, $8, $9, $10
         FROM events WHERE stream_id = $1 ORDER BY stream_version DESC LIMIT 1`,
      [
        streamId,
        entry.decidedAt,
        entry.decision,
        entry.action,
        entry.reason,
        entry.subjectId,
        entry.actor,
        entry.purpose,
        entry.fields,
        entry.grantId,
      ],
    );
  };
}
