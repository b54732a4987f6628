import { ApiClient } from './api-client';
import { callers } from './callers';
import type { PlannedCampaign } from './data-set';
import type { Progress } from './progress';
import type { Tally } from './tally';

interface CampaignView {
  campaignId: string;
  status: 'draft' | 'open' | 'closed';
  version: number;
}

interface UploadReport {
  rows: number;
  accepted: number;
  rejected: number;
  rejections: { row: number; reason: string; detail?: string }[];
}

/**
 * The listening campaign of last month: created and opened by the campaign office, its roster from the HR system
 * (idempotent by person id: a second import changes nothing), the activities as each region's sites upload them.
 */
export async function loadCampaign(
  api: ApiClient,
  plan: PlannedCampaign,
  progress: Progress,
  tally: Tally,
): Promise<{ campaignId: string; rosterPeople: number; activitiesRecorded: number }> {
  progress.phase('listening campaign', 3 + plan.uploads.length);
  const as = callers.campaignOffice;
  const created = await api.call<CampaignView>('campaigns', 'POST', '/v1/campaigns', {
    as,
    idempotencyKey: plan.key,
    body: {
      name: plan.name,
      periodStart: plan.periodStart,
      periodEnd: plan.periodEnd,
      activityKinds: plan.activityKinds,
    },
  });
  tally.created('campaigns', created);
  const { campaignId } = created.body;
  const path = `/v1/campaigns/${campaignId}`;
  const current = (await api.call<CampaignView>('campaigns', 'GET', path, { as })).body;
  if (current.status === 'draft') {
    await api.call('campaigns', 'POST', `${path}/opening`, { as, ifMatch: current.version });
  }
  progress.tick();
  const roster = await api.call<{ version: number }>('campaigns', 'GET', `${path}/roster`, { as: callers.hrSystem });
  progress.tick();
  const imported = await api.call<UploadReport & { version: number }>('campaigns', 'POST', `${path}/roster`, {
    as: callers.hrSystem,
    body: plan.roster,
    ifMatch: roster.body.version,
  });
  refusedRows('roster', imported.body, progress);
  progress.tick();
  let activitiesRecorded = 0;
  for (const upload of plan.uploads) {
    const report = await api.call<UploadReport>('campaigns', 'POST', `${path}/activities/bulk`, {
      as,
      idempotencyKey: upload.key,
      body: upload.activities,
    });
    tally.created('activity uploads', report);
    refusedRows(`activities of ${upload.region}`, report.body, progress);
    activitiesRecorded += report.body.accepted;
    progress.tick();
  }
  return { campaignId, rosterPeople: plan.roster.length, activitiesRecorded };
}

/** A refused row is a defect of the demo data: shown, never hidden. */
export function refusedRows(what: string, report: UploadReport, progress: Progress): void {
  for (const rejection of report.rejections.slice(0, 5)) {
    progress.note(
      `${what}: row ${rejection.row} refused (${rejection.reason}${rejection.detail ? `: ${rejection.detail}` : ''})`,
    );
  }
  if (report.rejected > 5) progress.note(`${what}: ${report.rejected - 5} more rows refused`);
}
