import type { PoolClient } from 'pg';
import type { ComplaintEscalationRow } from './ceo-escalation.row';

/** The tables of the CEO escalation projection; a rebuild passes fresh copies. */
export interface CeoEscalationTables {
  /** One row per complaint: its current escalation state. */
  escalations: string;
  /** Every state a complaint's row has had, with its validity interval, for point-in-time answers. */
  history: string;
  /** Who filed what, for repeat detection; outside the reporting schema because it holds subject ids. */
  customers: string;
  /** Subjects the vault erased: their filings are never remembered, whichever topic is read first. */
  erasedSubjects: string;
}

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

/** The columns a history version copies from the current row. */
const STATE_COLUMNS = `project, region, category, severity, channel, status, escalation_level, escalation_trail,
  filed_at, reached_ceo_office_at, resolved_at, sla_state, hand_offs, repeat_complaint`;

/** Reads and writes the read model inside the consumer's transaction; the row is locked until commit. */
export const complaintEscalationStore = {
  async load(tx: PoolClient, t: CeoEscalationTables, complaintId: string): Promise<ComplaintEscalationRow | null> {
    const { rows } = await tx.query<DbRow>(`SELECT * FROM ${t.escalations} WHERE complaint_id = $1 FOR UPDATE`, [
      complaintId,
    ]);
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

  /**
   * Saves the row and starts a new version in the history, valid from when the event was recorded; the
   * previous version ends there. Only called for an event that changed the row, so a duplicate adds nothing.
   */
  async save(tx: PoolClient, t: CeoEscalationTables, row: ComplaintEscalationRow, validFrom: string): Promise<void> {
    await tx.query(
      `INSERT INTO ${t.escalations} (complaint_id, project, region, category, severity, channel, status,
         escalation_level, escalation_trail, filed_at, reached_ceo_office_at, resolved_at, last_stream_version,
         last_position, sla_state, hand_offs, repeat_complaint, updated_at)
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
    // Recorded times of one stream only grow, but a version never starts before the one it ends.
    await tx.query(
      `WITH ended AS (
         UPDATE ${t.history} SET valid_to = greatest($2::timestamptz, valid_from)
          WHERE complaint_id = $1 AND valid_to IS NULL
         RETURNING valid_to)
       INSERT INTO ${t.history} (complaint_id, stream_version, valid_from, ${STATE_COLUMNS})
       SELECT complaint_id, last_stream_version, coalesce((SELECT valid_to FROM ended), $2::timestamptz),
              ${STATE_COLUMNS}
         FROM ${t.escalations} WHERE complaint_id = $1`,
      [row.complaintId, validFrom],
    );
  },
};

/** How far back an earlier complaint by the same customer in the same category makes a new one a repeat. */
export const REPEAT_WINDOW_DAYS = 90;

/**
 * Remembers who filed (subject id, outside the reporting schema) and answers whether this filing repeats
 * an earlier one by the same customer in the same category within the window. Complaints of one customer
 * may sit on different partitions and arrive in either order, so a filing also marks the later ones it makes
 * repeats of, in every version of their history: being a repeat is a fact about the filing.
 */
export async function recordFilingAndFindRepeat(
  tx: PoolClient,
  t: CeoEscalationTables,
  filing: { complaintId: string; customerId: string; category: string; filedAt: string },
): Promise<boolean> {
  const { customerId, category, complaintId, filedAt } = filing;
  const { rowCount: erased } = await tx.query(`SELECT 1 FROM ${t.erasedSubjects} WHERE subject_id = $1`, [customerId]);
  if (erased) return false;
  await tx.query(
    `INSERT INTO ${t.customers} (complaint_id, customer_id, category, filed_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (complaint_id) DO NOTHING`,
    [complaintId, customerId, category, filedAt],
  );
  const later = `SELECT complaint_id FROM ${t.customers}
     WHERE customer_id = $1 AND category = $2 AND complaint_id <> $3
       AND filed_at > $4 AND filed_at <= $4::timestamptz + make_interval(days => $5)`;
  const args = [customerId, category, complaintId, filedAt, REPEAT_WINDOW_DAYS];
  await tx.query(
    `UPDATE ${t.escalations} SET repeat_complaint = true, updated_at = now()
      WHERE NOT repeat_complaint AND complaint_id IN (${later})`,
    args,
  );
  await tx.query(
    `UPDATE ${t.history} SET repeat_complaint = true WHERE NOT repeat_complaint AND complaint_id IN (${later})`,
    args,
  );
  const { rowCount } = await tx.query(
    `SELECT 1 FROM ${t.customers}
      WHERE customer_id = $1 AND category = $2 AND complaint_id <> $3
        AND filed_at < $4 AND filed_at >= $4::timestamptz - make_interval(days => $5)
      LIMIT 1`,
    args,
  );
  return (rowCount ?? 0) > 0;
}

/**
 * An erased subject's filings are forgotten; complaints already flagged as repeats stay flagged (the flag says
 * nothing about who). Remembered, so that a filing read later (another topic, a rebuild) is not stored again.
 */
export async function forgetErasedSubject(tx: PoolClient, t: CeoEscalationTables, subjectId: string): Promise<void> {
  await tx.query(`INSERT INTO ${t.erasedSubjects} (subject_id) VALUES ($1) ON CONFLICT DO NOTHING`, [subjectId]);
  await tx.query(`DELETE FROM ${t.customers} WHERE customer_id = $1`, [subjectId]);
}
