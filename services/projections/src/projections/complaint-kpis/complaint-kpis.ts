import { COMPLAINT_STREAM_TYPE, EventEnvelope, Topics } from '@cx/contracts';
import type { PoolClient } from 'pg';
import type { Projection } from '../projection';
import { milestonesOfRun } from './complaint-milestones';
import { ComplaintKpiTables, complaintMilestoneStore } from './complaint-milestones.store';

/** Complaint milestones, from which reporting.complaint_kpis_daily and the CEO summary are computed. */
export const complaintKpis: Projection<ComplaintKpiTables> = {
  name: 'complaint-kpis',
  topics: [Topics.complaints],
  tables: { milestones: 'reporting.complaint_milestones_v1' },
  apply: (event, tx, tables) => applyMilestones([event], tx, tables),
  applyMany: applyMilestones,
};

/** A filing needs no context; every other complaint event is read against the milestones before it. */
async function applyMilestones(
  events: readonly EventEnvelope[],
  tx: PoolClient,
  tables: ComplaintKpiTables,
): Promise<void> {
  const complaintEvents = events.filter((e) => e.streamType === COMPLAINT_STREAM_TYPE);
  const needContext = complaintEvents.filter((e) => e.type !== 'ComplaintFiled').map((e) => e.streamId.toLowerCase());
  const recorded = await complaintMilestoneStore.contextMilestones(tx, tables, [...new Set(needContext)]);
  await complaintMilestoneStore.add(tx, tables, milestonesOfRun(complaintEvents, recorded));
}
