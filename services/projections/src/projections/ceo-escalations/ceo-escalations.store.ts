import { COMPLAINT_STREAM_TYPE, ComplaintFiledV1, EventEnvelope, SubjectErasedV1 } from '@cx/contracts';
import type { PoolClient } from 'pg';
import type { ComplaintEscalationRow } from './ceo-escalation.row';
import type { EscalationChanges, EscalationState, RememberedFiling, RepeatWindow } from './ceo-escalations.fold';

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
  /** Empty outside transactions: a row per customer whose filings or erasure a transaction is applying. */
  customerLocks: string;
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

/** How far back an earlier complaint by the same customer in the same category makes a new one a repeat. */
export const REPEAT_WINDOW_DAYS = 90;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Microseconds since the epoch, as text: Postgres' own precision, so the fold compares times as SQL would. */
const micros = (column: string) => `(extract(epoch FROM ${column}) * 1000000)::bigint::text`;

/** The columns a history version holds besides its key and interval. */
const STATE_COLUMNS = `project, region, category, severity, channel, status, escalation_level, escalation_trail,
  filed_at, reached_ceo_office_at, resolved_at, sla_state, hand_offs, repeat_complaint`;

const STATE_TYPES = `text[], text[], text[], text[], text[], text[], text[], jsonb[],
  timestamptz[], timestamptz[], timestamptz[], text[], integer[], boolean[]`;

/** The state columns of rows, one array per column, in the order of STATE_COLUMNS. */
const stateArrays = (rows: readonly ComplaintEscalationRow[]) => [
  rows.map((r) => r.project),
  rows.map((r) => r.region),
  rows.map((r) => r.category),
  rows.map((r) => r.severity),
  rows.map((r) => r.channel),
  rows.map((r) => r.status),
  rows.map((r) => r.escalationLevel),
  rows.map((r) => JSON.stringify(r.escalationTrail)),
  rows.map((r) => r.filedAt),
  rows.map((r) => r.reachedCeoOfficeAt),
  rows.map((r) => r.resolvedAt),
  rows.map((r) => r.slaState),
  rows.map((r) => r.handOffs),
  rows.map((r) => r.repeatComplaint),
];

/** `$from::text[], $from+1::text[], …` for the state arrays, starting at parameter `from`. */
const stateParameters = (from: number) =>
  STATE_TYPES.split(',')
    .map((type, i) => `$${from + i}::${type.trim()}`)
    .join(', ');

function toRow(r: DbRow): ComplaintEscalationRow {
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
}

/**
 * Reads what a run of events needs and writes what it changed, inside the consumer's transaction: a few
 * statements for the whole run. The run's rows are locked until commit. Keys are joined from `unnest` rather
 * than matched with `= ANY`: on a rebuild's fresh tables, without statistics yet, the planner scans the whole
 * table for `= ANY` of a chunk's keys, but looks each joined key up in the index. (The row lock's statement
 * keeps the `SELECT * FROM <escalations>` prefix that the frozen-consumer fault scenario watches for.)
 */
export const complaintEscalationStore = {
  /**
   * Before anything is read: transactions filing for or erasing the same customer take turns, so the second
   * sees the first's filings (repeats) or erasure. In one order, so that two such transactions cannot deadlock.
   */
  async lockCustomers(tx: PoolClient, t: CeoEscalationTables, events: readonly EventEnvelope[]): Promise<string[]> {
    const customers = new Set<string>();
    for (const event of events) {
      if (event.type === 'SubjectErased') customers.add((event.data as SubjectErasedV1).subjectId);
      else if (event.type === 'ComplaintFiled' && event.streamType === COMPLAINT_STREAM_TYPE)
        customers.add((event.data as ComplaintFiledV1).customerId);
    }
    const sorted = [...customers].sort();
    if (sorted.length > 0) {
      await tx.query(
        `INSERT INTO ${t.customerLocks} (customer_id) SELECT unnest($1::text[])
         ON CONFLICT (customer_id) DO UPDATE SET customer_id = EXCLUDED.customer_id`,
        [sorted],
      );
    }
    return sorted;
  },

  /** Last in the transaction: the rows go with it, so no subject id outlives it here. */
  async unlockCustomers(tx: PoolClient, t: CeoEscalationTables, customers: readonly string[]): Promise<void> {
    if (customers.length === 0) return;
    await tx.query(`DELETE FROM ${t.customerLocks} WHERE customer_id = ANY($1::text[])`, [customers]);
  },

  async load(tx: PoolClient, t: CeoEscalationTables, events: readonly EventEnvelope[]): Promise<EscalationState> {
    const complaintEvents = events.filter((e) => e.streamType === COMPLAINT_STREAM_TYPE);
    const complaintIds = [...new Set(complaintEvents.map((e) => e.streamId.toLowerCase()))];
    const rows = new Map<string, ComplaintEscalationRow | null>(complaintIds.map((id) => [id, null]));
    if (complaintIds.length > 0) {
      // In key order, so that two transactions locking overlapping rows queue instead of deadlocking.
      const { rows: found } = await tx.query<DbRow>(
        `SELECT * FROM ${t.escalations} WHERE complaint_id IN (SELECT unnest($1::uuid[]))
          ORDER BY complaint_id FOR UPDATE`,
        [complaintIds],
      );
      for (const row of found) rows.set(row.complaint_id, toRow(row));
    }
    const filings = complaintEvents.filter((e) => e.type === 'ComplaintFiled').map((e) => e.data as ComplaintFiledV1);
    if (filings.length === 0) return { rows, erasedSubjects: new Set(), filings: [], windows: new Map() };

    // What the filings need, in one statement (each round trip costs more than these reads): which of their
    // customers were erased, the earlier filings that may make them repeats, and each filing's repeat window.
    const { rows: lookups } = await tx.query<{
      erased: string[];
      remembered: { complaint_id: string; customer_id: string; category: string; filed_at: string }[];
      windows: { at: string; filed_at: string; from: string; to: string }[];
    }>(
      `SELECT
         (SELECT coalesce(json_agg(k.subject_id), '[]')
            FROM unnest($1::text[]) AS k(subject_id) JOIN ${t.erasedSubjects} USING (subject_id)) AS erased,
         (SELECT coalesce(json_agg(r), '[]') FROM (
            SELECT c.complaint_id::text, c.customer_id, c.category, ${micros('c.filed_at')} AS filed_at
              FROM (SELECT DISTINCT * FROM unnest($1::text[], $2::text[])) AS k(customer_id, category)
              JOIN ${t.customers} c USING (customer_id, category)
            UNION
            SELECT c.complaint_id::text, c.customer_id, c.category, ${micros('c.filed_at')}
              FROM unnest($3::uuid[]) AS k(complaint_id) JOIN ${t.customers} c USING (complaint_id)) r) AS remembered,
         (SELECT coalesce(json_agg(w), '[]') FROM (
            SELECT at, ${micros('at::timestamptz')} AS filed_at,
                   ${micros('at::timestamptz - make_interval(days => $5)')} AS "from",
                   ${micros('at::timestamptz + make_interval(days => $5)')} AS "to"
              FROM unnest($4::text[]) AS f(at)) w) AS windows`,
      [
        filings.map((f) => f.customerId),
        filings.map((f) => f.category),
        filings.map((f) => f.complaintId),
        [...new Set(filings.map((f) => f.filedAt))],
        REPEAT_WINDOW_DAYS,
      ],
    );
    const { erased, remembered, windows } = lookups[0];
    return {
      rows,
      erasedSubjects: new Set(erased),
      filings: remembered.map((r): RememberedFiling => ({
        complaintId: r.complaint_id,
        customerId: r.customer_id,
        category: r.category,
        filedAt: BigInt(r.filed_at),
      })),
      windows: new Map(
        windows.map((w): [string, RepeatWindow] => [
          w.at,
          { filedAt: BigInt(w.filed_at), from: BigInt(w.from), to: BigInt(w.to) },
        ]),
      ),
    };
  },

  async write(tx: PoolClient, t: CeoEscalationTables, changes: EscalationChanges): Promise<void> {
    const { erasedSubjects, filings, rows, versions, repeats } = changes;
    if (erasedSubjects.length > 0) {
      await tx.query(`INSERT INTO ${t.erasedSubjects} (subject_id) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`, [
        erasedSubjects,
      ]);
      await tx.query(
        `DELETE FROM ${t.customers} c USING unnest($1::text[]) AS k(customer_id) WHERE c.customer_id = k.customer_id`,
        [erasedSubjects],
      );
    }
    if (filings.length > 0) {
      await tx.query(
        `INSERT INTO ${t.customers} (complaint_id, customer_id, category, filed_at)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[])
         ON CONFLICT (complaint_id) DO NOTHING`,
        [
          filings.map((f) => f.complaintId),
          filings.map((f) => f.customerId),
          filings.map((f) => f.category),
          filings.map((f) => f.filedAt),
        ],
      );
    }
    if (rows.length > 0) {
      await tx.query(
        `INSERT INTO ${t.escalations} (complaint_id, last_stream_version, last_position, ${STATE_COLUMNS}, updated_at)
         SELECT *, now() FROM unnest($1::uuid[], $2::integer[], $3::bigint[], ${stateParameters(4)})
         ON CONFLICT (complaint_id) DO UPDATE SET
           status = EXCLUDED.status, severity = EXCLUDED.severity, escalation_level = EXCLUDED.escalation_level,
           escalation_trail = EXCLUDED.escalation_trail, reached_ceo_office_at = EXCLUDED.reached_ceo_office_at,
           resolved_at = EXCLUDED.resolved_at, last_stream_version = EXCLUDED.last_stream_version,
           last_position = EXCLUDED.last_position, sla_state = EXCLUDED.sla_state, hand_offs = EXCLUDED.hand_offs,
           updated_at = now()`,
        [
          rows.map((r) => r.complaintId),
          rows.map((r) => r.lastStreamVersion),
          rows.map((r) => r.lastPosition),
          ...stateArrays(rows),
        ],
      );
    }
    if (versions.length > 0) {
      // A version starts when its event was recorded, but never before the one it ends: the open version ends at
      // the later of the two, and each version of the run at the latest start so far. The sorts of the window
      // functions read `ended` whole before the first insert, so the open version is closed by then.
      await tx.query(
        `WITH v AS (
           SELECT * FROM unnest($1::uuid[], $2::integer[], $3::timestamptz[], ${stateParameters(4)})
             WITH ORDINALITY AS v(complaint_id, stream_version, recorded_at, ${STATE_COLUMNS}, seq)),
         ended AS (
           UPDATE ${t.history} h SET valid_to = greatest(first.recorded_at, h.valid_from)
             FROM (SELECT DISTINCT ON (complaint_id) complaint_id, recorded_at FROM v ORDER BY complaint_id, seq) first
            WHERE h.complaint_id = first.complaint_id AND h.valid_to IS NULL
           RETURNING h.complaint_id, h.valid_to),
         started AS (
           SELECT v.*, greatest(max(v.recorded_at) OVER (PARTITION BY v.complaint_id ORDER BY v.seq), ended.valid_to)
                    AS valid_from
             FROM v LEFT JOIN ended USING (complaint_id))
         INSERT INTO ${t.history} (complaint_id, stream_version, valid_from, valid_to, ${STATE_COLUMNS})
         SELECT complaint_id, stream_version, valid_from,
                lead(valid_from) OVER (PARTITION BY complaint_id ORDER BY seq), ${STATE_COLUMNS}
           FROM started`,
        [
          versions.map((v) => v.row.complaintId),
          versions.map((v) => v.row.lastStreamVersion),
          versions.map((v) => v.validFrom),
          ...stateArrays(versions.map((v) => v.row)),
        ],
      );
    }
    if (repeats.length > 0) {
      await tx.query(
        `UPDATE ${t.escalations} e SET repeat_complaint = true, updated_at = now()
           FROM unnest($1::uuid[]) AS k(complaint_id) WHERE e.complaint_id = k.complaint_id AND NOT e.repeat_complaint`,
        [repeats],
      );
      await tx.query(
        `UPDATE ${t.history} h SET repeat_complaint = true
           FROM unnest($1::uuid[]) AS k(complaint_id) WHERE h.complaint_id = k.complaint_id AND NOT h.repeat_complaint`,
        [repeats],
      );
    }
  },
};
