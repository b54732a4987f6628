// A campaign's 20,000-person roster (CSV) and 10,000 activities (two bulk uploads) through the campaigns API,
// timed end to end until the participation report (projections API) shows every participant. Both services in
// this process on real Postgres and Kafka, as in production but without the network between them.
import { benchNamespace } from './complaint-pipeline.mjs';
import { dropDatabase, require, row, scratchDatabaseUrl, writeResult } from './lib.mjs';

const { loadServiceConfig, ManualClock } = require('@cx/platform');
const { signToken } = require('@cx/auth');
const { createCampaignsApp } = require('@cx/campaigns/dist/campaigns.app.js');
const { createProjectionsApp } = require('@cx/projections/dist/projections.app.js');

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 20_000);
const ACTIVITIES = Number(process.env.BENCH_ACTIVITIES ?? 10_000);
const PER_UPLOAD = 5_000;

const day = (n) => `2026-09-${String(n).padStart(2, '0')}`;

/** Deterministic roster: one in ten managers, 20 departments, 5 regions, a few joiners and leavers. */
function roster() {
  const lines = ['person_id,name,department,region,segment,employed_from,employed_until'];
  for (let i = 0; i < PEOPLE; i++) {
    const joiner = i % 50 === 0;
    const leaver = i % 70 === 0 && !joiner;
    lines.push(
      [
        `P${String(i).padStart(6, '0')}`,
        `Person ${i}`,
        `Department ${i % 20}`,
        `region-${i % 5}`,
        i % 10 === 0 ? 'management' : 'employee',
        joiner ? day(15) : '2020-01-01',
        leaver ? day(10) : '',
      ].join(','),
    );
  }
  return lines.join('\n');
}

/** Activities of the first people on days each is employed; one in five people takes part twice. */
function activities() {
  const rows = [];
  const participants = new Set();
  for (let i = 0; rows.length < ACTIVITIES; i++) {
    const person = i % Math.ceil(ACTIVITIES * 0.8);
    const joiner = person % 50 === 0;
    const leaver = person % 70 === 0 && !joiner;
    const date = day(joiner ? 16 : leaver ? 5 : 1 + (i % 28));
    participants.add(person);
    rows.push({
      personId: `P${String(person).padStart(6, '0')}`,
      kind: 'customer_visit',
      date,
      customersMet: 2,
      scenario: 'Home visit after handover',
      findings: [],
    });
  }
  return { rows, participants: participants.size };
}

async function timed(label, work) {
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  console.log(`  ${label.padEnd(44)} ${seconds.toFixed(2)} s`);
  return { result, seconds };
}

export async function run() {
  // Its topics and consumer groups are deleted with the others at the end of the run.
  const namespace = benchNamespace();
  const configOf = (service) => ({
    ...loadServiceConfig(service, 0, {}),
    databaseUrl: scratchDatabaseUrl(service),
    topicNamespace: namespace,
    logLevel: 'warn',
  });
  const campaignsConfig = configOf('campaigns');
  const projectionsConfig = configOf('projections');
  const campaigns = await createCampaignsApp(campaignsConfig, {
    clock: new ManualClock(new Date('2026-09-30T04:00:00.000Z')),
  });
  const projections = await createProjectionsApp(projectionsConfig);
  await campaigns.listen(0, '127.0.0.1');
  await projections.listen(0, '127.0.0.1');
  const campaignsUrl = await campaigns.getUrl();
  const projectionsUrl = await projections.getUrl();
  const token = signToken(
    { sub: 'bench', name: 'bench', roles: ['campaign_admin', 'hr', 'ceo_office'] },
    campaignsConfig.jwtSecret,
  );
  const call = async (url, method, body, contentType = 'application/json') => {
    const response = await fetch(url, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      body: body === undefined ? undefined : contentType === 'application/json' ? JSON.stringify(body) : body,
    });
    if (response.status >= 300)
      throw new Error(`${method} ${url} answered ${response.status}: ${await response.text()}`);
    return response.json();
  };

  try {
    console.log(`roster -> participation report: ${PEOPLE} people, ${ACTIVITIES} activities`);
    const csv = roster();
    const { rows, participants } = activities();
    const { campaignId } = await call(`${campaignsUrl}/v1/campaigns`, 'POST', {
      name: 'Six Ones benchmark',
      periodStart: day(1),
      periodEnd: day(30),
      activityKinds: ['customer_visit'],
    });
    await call(`${campaignsUrl}/v1/campaigns/${campaignId}/opening`, 'POST');
    const started = performance.now();
    const imported = await timed(`roster import (CSV, ${PEOPLE} rows)`, () =>
      call(`${campaignsUrl}/v1/campaigns/${campaignId}/roster`, 'POST', csv, 'text/csv'),
    );
    if (imported.result.accepted !== PEOPLE) throw new Error(`roster accepted ${imported.result.accepted}`);
    let uploadSeconds = 0;
    for (let i = 0; i < rows.length; i += PER_UPLOAD) {
      const upload = await timed(`activities upload (${Math.min(PER_UPLOAD, rows.length - i)} rows)`, () =>
        call(`${campaignsUrl}/v1/campaigns/${campaignId}/activities/bulk`, 'POST', rows.slice(i, i + PER_UPLOAD)),
      );
      if (upload.result.rejected !== 0)
        throw new Error(`activities refused: ${JSON.stringify(upload.result.rejections.slice(0, 3))}`);
      uploadSeconds += upload.seconds;
    }
    const accepted = performance.now();
    let report;
    const deadline = accepted + 300_000;
    for (;;) {
      report = await call(`${projectionsUrl}/v1/reports/participation?campaignId=${campaignId}`, 'GET').catch(
        () => null,
      );
      if (report?.overall.all.participants === participants && report.overall.all.eligible > 0) break;
      if (performance.now() > deadline) throw new Error(`report never showed ${participants} participants`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const visible = performance.now();
    const query = await timed('one report query', () =>
      call(`${projectionsUrl}/v1/reports/participation?campaignId=${campaignId}`, 'GET'),
    );
    const result = {
      people: PEOPLE,
      activities: ACTIVITIES,
      participants,
      eligible: report.overall.all.eligible,
      rosterImportSeconds: Number(imported.seconds.toFixed(2)),
      activitiesUploadSeconds: Number(uploadSeconds.toFixed(2)),
      lastAcceptedToReportSeconds: Number(((visible - accepted) / 1000).toFixed(2)),
      endToEndSeconds: Number(((visible - started) / 1000).toFixed(2)),
      reportQuerySeconds: Number(query.seconds.toFixed(3)),
    };
    console.log(
      `  end to end ${result.endToEndSeconds} s (report caught up ${result.lastAcceptedToReportSeconds} s after the ` +
        `last upload); ${participants} participants of ${result.eligible} eligible`,
    );
    // No baseline: issue 8 names none for this path; the figure is kept to follow it from run to run.
    const summary = [
      row({
        figure: `roster ${PEOPLE} + ${ACTIVITIES} activities -> report`,
        value: result.endToEndSeconds,
        unit: 's',
      }),
    ];
    return { file: writeResult('roster-to-participation-report', { ...result, summary }), summary };
  } finally {
    await projections.close();
    await campaigns.close();
    await dropDatabase(campaignsConfig.databaseUrl);
    await dropDatabase(projectionsConfig.databaseUrl);
  }
}
