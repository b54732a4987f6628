/**
 * Data for the dashboard's browser test, through the public REST APIs only: complaints at the CEO office (filed
 * there, and escalated up the whole ladder) and a listening campaign with its roster and activities. The test
 * needs only what `DashboardSeed` names, so a demo loader that returns the same can take this one's place.
 */
export interface DashboardSeed {
  campaignId: string;
}

export interface SeedTargets {
  complaints: string;
  campaigns: string;
  /** `Authorization` header values per role. */
  bearer: (role: string) => string;
}

async function call(url: string, authorization: string, body: unknown, contentType = 'application/json') {
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization, 'content-type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${url} answered ${response.status}: ${await response.text()}`);
  return response.json() as Promise<Record<string, unknown>>;
}

const complaint = (project: string, region: string, channel: string, severity: string, category: string) => ({
  customerId: 'subj_7Hq2kLm9Xa',
  project,
  region,
  category,
  severity,
  channel,
  description: 'Handover postponed twice without notice.',
});

/** Files a complaint on the hotline and escalates it frontline → project → region → group service → CEO office. */
export async function fileAndEscalateToCeoOffice(targets: SeedTargets, project: string, region: string) {
  const filed = await call(
    `${targets.complaints}/v1/complaints`,
    targets.bearer('agent'),
    complaint(project, region, 'hotline', 'high', 'housing_quality'),
  );
  const id = filed.complaintId as string;
  for (const reason of ['Not handled in time', 'Project cannot resolve', 'Region asks for help', 'Group refers']) {
    await call(`${targets.complaints}/v1/complaints/${id}/escalations`, targets.bearer('manager'), { reason });
  }
  return id;
}

export async function seedThroughRest(targets: SeedTargets): Promise<DashboardSeed> {
  for (const [project, region] of [
    ['SH-PUDONG-07', 'east-china'],
    ['GZ-TIANHE-02', 'south-china'],
    ['BJ-CHAOYANG-03', 'north-china'],
  ]) {
    await call(
      `${targets.complaints}/v1/complaints`,
      targets.bearer('agent'),
      complaint(project, region, 'ceo_direct', 'critical', 'delivery'),
    );
  }
  await fileAndEscalateToCeoOffice(targets, 'SH-PUDONG-07', 'east-china');

  const today = new Date();
  const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const campaign = await call(`${targets.campaigns}/v1/campaigns`, targets.bearer('campaign_admin'), {
    name: 'Six Ones dashboard check',
    periodStart: day(-20),
    periodEnd: day(20),
    activityKinds: ['customer_visit', 'service_experience'],
  });
  const campaignId = campaign.campaignId as string;
  await call(`${targets.campaigns}/v1/campaigns/${campaignId}/opening`, targets.bearer('campaign_admin'), {});
  const roster = [
    'person_id,name,department,region,segment,employed_from,employed_until',
    'E1,Wang Fang,Sales,east-china,employee,2020-01-01,',
    'E2,Li Wei,Sales,east-china,employee,2021-05-01,',
    'E3,Chen Jing,Service,south-china,employee,2019-03-01,',
    'E4,Liu Yang,Service,south-china,employee,2018-01-01,',
    'E5,Zhou Jie,Property,north-china,employee,2022-02-01,',
    'M1,Zhao Lei,Sales,east-china,management,2010-01-01,',
    'M2,Sun Li,Service,south-china,management,2012-01-01,',
  ].join('\n');
  await call(`${targets.campaigns}/v1/campaigns/${campaignId}/roster`, targets.bearer('hr'), roster, 'text/csv');
  const activity = (personId: string, offset: number) => ({
    personId,
    kind: 'customer_visit',
    date: day(offset),
    customersMet: 3,
    scenario: 'Home visit after handover',
    findings: [],
  });
  await call(`${targets.campaigns}/v1/campaigns/${campaignId}/activities/bulk`, targets.bearer('campaign_admin'), [
    activity('E1', -15),
    activity('M1', -12),
    activity('E3', -8),
    activity('E1', -3),
    activity('E5', -1),
  ]);
  return { campaignId };
}
