import type { SlaTarget } from '@cx/contracts';
import type { PoolClient } from 'pg';
import type { ComplaintMilestone, MilestoneContext } from './complaint-milestones';

export interface ComplaintKpiTables {
  milestones: string;
}

interface ContextRow {
  kind: string;
  project: string;
  region: string;
  category: string;
  severity: string;
  occurred_at: Date;
  sla_target: SlaTarget | null;
}

export const complaintMilestoneStore = {
  /** What this complaint's milestones before the given stream version say: its filing, breaches, CEO office. */
  async context(
    tx: PoolClient,
    t: ComplaintKpiTables,
    complaintId: string,
    beforeVersion: number,
  ): Promise<MilestoneContext> {
    const { rows } = await tx.query<ContextRow>(
      `SELECT kind, project, region, category, severity, occurred_at, sla_target FROM ${t.milestones}
        WHERE complaint_id = $1 AND stream_version < $2 AND kind IN ('received', 'sla_breached', 'reached_ceo_office')`,
      [complaintId, beforeVersion],
    );
    const received = rows.find((r) => r.kind === 'received');
    return {
      filing: received
        ? {
            project: received.project,
            region: received.region,
            category: received.category,
            severity: received.severity,
            filedAt: received.occurred_at.toISOString(),
          }
        : null,
      breachedTargets: rows.filter((r) => r.kind === 'sla_breached').map((r) => r.sla_target!),
      reachedCeoOffice: rows.some((r) => r.kind === 'reached_ceo_office'),
    };
  },

  /** Keyed by (complaint, stream version, kind): a redelivered event's milestones are already there. */
  async add(tx: PoolClient, t: ComplaintKpiTables, milestones: readonly ComplaintMilestone[]): Promise<void> {
    for (const m of milestones) {
      await tx.query(
        `INSERT INTO ${t.milestones} (complaint_id, stream_version, kind, occurred_at, project, region, category,
           severity, sla_target, within_sla, hours_since_filing, satisfaction)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (complaint_id, stream_version, kind) DO NOTHING`,
        [
          m.complaintId,
          m.streamVersion,
          m.kind,
          m.occurredAt,
          m.project,
          m.region,
          m.category,
          m.severity,
          m.slaTarget,
          m.withinSla,
          m.hoursSinceFiling,
          m.satisfaction,
        ],
      );
    }
  },
};
