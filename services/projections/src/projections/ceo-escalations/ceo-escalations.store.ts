import type { PoolClient } from 'pg';
import type { ComplaintEscalationRow } from './ceo-escalation.row';

const TABLE = 'reporting.complaint_escalations_v1';

interface DbRow {
  complaint_id: string;
  project: string;
  region: string;
  category: ComplaintEscalationRow['category'];
  severity: ComplaintEscalationRow['severity'];
  channel: ComplaintEscalationRow['channel'];
  status: ComplaintEscalationRow['status'];
  escalation_level: ComplaintEscalationRow['escalationLevel'];
  escalation_trail: ComplaintEscalationRow['escalationTrail'];
  filed_at: Date;
  reached_ceo_office_at: Date | null;
  resolved_at: Date | null;
  last_stream_version: number;
  last_position: string;
  sla_state: ComplaintEscalationRow['slaState'];
  hand_offs: number;
  repeat_complaint: boolean;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Reads and writes the read model inside the consumer's transaction; the row is locked until commit. */
export const complaintEscalationStore = {
  async load(tx: PoolClient, complaintId: string): Promise<ComplaintEscalationRow | null> {
    const { rows } = await tx.query<DbRow>(`SELECT * FROM ${TABLE} WHERE complaint_id = $1 FOR UPDATE`, [complaintId]);
    const r = rows[0];
    if (!r) return null;
    return {
      complaintId: r.complaint_id,
      project: r.project,
      region: r.region,
      category: r.category,
      severity: r.severity,
      channel: r.channel,
      status: r.status,
      escalationLevel: r.escalation_level,
      escalationTrail: r.escalation_trail,
      filedAt: r.filed_at.toISOString(),
      reachedCeoOfficeAt: iso(r.reached_ceo_office_at),
      resolvedAt: iso(r.resolved_at),
      lastStreamVersion: r.last_stream_version,
      lastPosition: String(r.last_position),
      slaState: r.sla_state,
      handOffs: r.hand_offs,
      repeatComplaint: r.repeat_complaint,
    };
  },

  async save(tx: PoolClient, row: ComplaintEscalationRow): Promise<void> {
    await tx.query(
      `INSERT INTO ${TABLE} (complaint_id, project, region, category, severity, channel, status, escalation_level,
         escalation_trail, filed_at, reached_ceo_office_at, resolved_at, last_stream_version, last_position,
         sla_state, hand_offs, repeat_complaint, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, now())
       ON CONFLICT (complaint_id) DO UPDATE SET
         status = EXCLUDED.status, severity = EXCLUDED.severity, escalation_level = EXCLUDED.escalation_level,
         escalation_trail = EXCLUDED.escalation_trail, reached_ceo_office_at = EXCLUDED.reached_ceo_office_at,
         resolved_at = EXCLUDED.resolved_at, last_stream_version = EXCLUDED.last_stream_version,
         last_position = EXCLUDED.last_position, sla_state = EXCLUDED.sla_state, hand_offs = EXCLUDED.hand_offs,
         updated_at = now()`,
      [
        row.complaintId,
        row.project,
        row.region,
        row.category,
        row.severity,
        row.channel,
        row.status,
        row.escalationLevel,
        JSON.stringify(row.escalationTrail),
        row.filedAt,
        row.reachedCeoOfficeAt,
        row.resolvedAt,
        row.lastStreamVersion,
        row.lastPosition,
        row.slaState,
        row.handOffs,
        row.repeatComplaint,
      ],
    );
  },
};

/** How far back an earlier complaint by the same customer in the same category makes a new one a repeat. */
export const REPEAT_WINDOW_DAYS = 90;

/**
 * Remembers who filed (subject id, outside the reporting schema) and answers whether this filing repeats
 * an earlier one by the same customer in the same category within the window. Complaints of one customer
 * may sit on different partitions and arrive in either order, so a filing also marks the later ones it makes
 * repeats of.
 */
export async function recordFilingAndFindRepeat(
  tx: PoolClient,
  filing: { complaintId: string; customerId: string; category: string; filedAt: string },
): Promise<boolean> {
  const { customerId, category, complaintId, filedAt } = filing;
  await tx.query(
    `INSERT INTO complaint_customers (complaint_id, customer_id, category, filed_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (complaint_id) DO NOTHING`,
    [complaintId, customerId, category, filedAt],
  );
  await tx.query(
    `UPDATE ${TABLE} SET repeat_complaint = true, updated_at = now()
      WHERE NOT repeat_complaint AND complaint_id IN (
        SELECT complaint_id FROM complaint_customers
         WHERE customer_id = $1 AND category = $2 AND complaint_id <> $3
           AND filed_at > $4 AND filed_at <= $4::timestamptz + make_interval(days => $5))`,
    [customerId, category, complaintId, filedAt, REPEAT_WINDOW_DAYS],
  );
  const { rowCount } = await tx.query(
    `SELECT 1 FROM complaint_customers
      WHERE customer_id = $1 AND category = $2 AND complaint_id <> $3
        AND filed_at < $4 AND filed_at >= $4::timestamptz - make_interval(days => $5)
      LIMIT 1`,
    [customerId, category, complaintId, filedAt, REPEAT_WINDOW_DAYS],
  );
  return (rowCount ?? 0) > 0;
}
