import type { SlaTarget } from '@cx/contracts';
import type { PoolClient } from 'pg';
import { ComplaintMilestone, CONTEXT_KINDS, MilestoneKind } from './complaint-milestones';

export interface ComplaintKpiTables {
  milestones: string;
}

interface ContextRow {
  complaint_id: string;
  stream_version: number;
  kind: MilestoneKind;
  project: string;
  region: string;
  category: string;
  severity: string;
  occurred_at: Date;
  sla_target: SlaTarget | null;
}

export const complaintMilestoneStore = {
  /**
   * The milestones of these complaints that later events read their context from: filing, breaches, CEO office.
   * Keys joined from `unnest`, so that each is looked up in the index even before the table has statistics.
   */
  async contextMilestones(
    tx: PoolClient,
    t: ComplaintKpiTables,
    complaintIds: readonly string[],
  ): Promise<ComplaintMilestone[]> {
    if (complaintIds.length === 0) return [];
    const { rows } = await tx.query<ContextRow>(
      `SELECT m.complaint_id::text, stream_version, kind, project, region, category, severity, occurred_at, sla_target
         FROM unnest($1::uuid[]) AS k(complaint_id) JOIN ${t.milestones} m USING (complaint_id)
        WHERE kind = ANY($2::text[])`,
      [complaintIds, CONTEXT_KINDS],
    );
    return rows.map((r) => ({
      complaintId: r.complaint_id,
      streamVersion: r.stream_version,
      kind: r.kind,
      occurredAt: r.occurred_at.toISOString(),
      project: r.project,
      region: r.region,
      category: r.category,
      severity: r.severity,
      slaTarget: r.sla_target,
      withinSla: null,
      hoursSinceFiling: null,
      satisfaction: null,
    }));
  },

  /** Keyed by (complaint, stream version, kind): a redelivered event's milestones are already there. */
  async add(tx: PoolClient, t: ComplaintKpiTables, milestones: readonly ComplaintMilestone[]): Promise<void> {
    if (milestones.length === 0) return;
    // numeric[] takes each hour figure as its text, as a numeric parameter would; float8 would round it.
    await tx.query(
      `INSERT INTO ${t.milestones} (complaint_id, stream_version, kind, occurred_at, project, region, category,
         severity, sla_target, within_sla, hours_since_filing, satisfaction)
       SELECT * FROM unnest($1::uuid[], $2::integer[], $3::text[], $4::timestamptz[], $5::text[], $6::text[],
         $7::text[], $8::text[], $9::text[], $10::boolean[], $11::numeric[], $12::smallint[])
       ON CONFLICT (complaint_id, stream_version, kind) DO NOTHING`,
      [
        milestones.map((m) => m.complaintId),
        milestones.map((m) => m.streamVersion),
        milestones.map((m) => m.kind),
        milestones.map((m) => m.occurredAt),
        milestones.map((m) => m.project),
        milestones.map((m) => m.region),
        milestones.map((m) => m.category),
        milestones.map((m) => m.severity),
        milestones.map((m) => m.slaTarget),
        milestones.map((m) => m.withinSla),
        milestones.map((m) => m.hoursSinceFiling),
        milestones.map((m) => m.satisfaction),
      ],
    );
  },
};
