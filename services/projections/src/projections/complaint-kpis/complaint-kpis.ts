import { COMPLAINT_STREAM_TYPE, Topics } from '@cx/contracts';
import type { Projection } from '../projection';
import { milestonesOf } from './complaint-milestones';
import { ComplaintKpiTables, complaintMilestoneStore } from './complaint-milestones.store';

/** Complaint milestones, from which reporting.complaint_kpis_daily and the CEO summary are computed. */
export const complaintKpis: Projection<ComplaintKpiTables> = {
  name: 'complaint-kpis',
  topics: [Topics.complaints],
  tables: { milestones: 'reporting.complaint_milestones_v1' },
  async apply(event, tx, tables) {
    if (event.streamType !== COMPLAINT_STREAM_TYPE) return;
    const context =
      event.type === 'ComplaintFiled'
        ? { filing: null, breachedTargets: [], reachedCeoOffice: false }
        : await complaintMilestoneStore.context(tx, tables, event.streamId, event.streamVersion);
    await complaintMilestoneStore.add(tx, tables, milestonesOf(event, context));
  },
};
