import type { ServiceUrls } from './api-client';
import type { DemoSummary } from './load-demo';

const duration = (seconds: number) =>
  seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;

/** An SLA target in hours as people say it: "1-hour", "3-minute". */
const target = (hours: number) => {
  const minutes = Math.round(hours * 60);
  return minutes % 60 === 0 ? `${minutes / 60}-hour` : `${minutes}-minute`;
};

/** The final print: what was loaded, and where to look at it. */
export function whereToLook(summary: DemoSummary, urls: ServiceUrls): string {
  const { complaints, campaign, survey, community, tally } = summary;
  const replayed = Object.values(tally.counts).reduce((sum, c) => sum + c.replayed, 0);
  const created = Object.values(tally.counts).reduce((sum, c) => sum + c.created, 0);
  const p = urls.projections;
  const auth = '-H "Authorization: Bearer $TOKEN"';
  return [
    `Demo data loaded in ${duration(summary.seconds)} (seed ${summary.settings.seed}, ${summary.settings.scale})` +
      (summary.throttledSeconds > 0 ? `, ${duration(summary.throttledSeconds)} of it waiting out rate limits` : '') +
      '.',
    `  ${summary.customers} customers in the vault; ${complaints.filed} complaints, ${complaints.atCeoOffice} at the CEO office, ` +
      `${summary.reviews} typical-case reviews`,
    `  campaign: ${campaign.rosterPeople} people on the roster, ${campaign.activitiesRecorded} activities; ` +
      `survey ${survey.period}: ${survey.responsesAccepted} call outcomes (${survey.lowComplaintRatings} low complaint-handling ratings, followed up as complaints)`,
    `  community ${community.month}: ${community.activityIds.length} activities, ${community.registrations} registrations (${community.waitlisted} waitlisted)`,
    `  ${created} created, ${replayed} already there (Idempotency-Key replayed); ${tally.steps} handling steps taken`,
    complaints.criticalAwaiting > 0 && complaints.criticalAcknowledgementHours !== null
      ? `  SLA: ${complaints.criticalAwaiting} critical complaints wait for acknowledgement; their ${target(complaints.criticalAcknowledgementHours)} target runs out on the clock,\n` +
        '  the scheduler flags them at risk, then records the breach and escalates them straight to the CEO office.'
      : '',
    '',
    'Where to look:',
    `  dashboard         ${p.replace('127.0.0.1', 'localhost')}/dashboard`,
    '  a token           TOKEN=$(npm run -s token -- --role ceo_office)',
    `  CEO escalations   curl ${auth} ${p}/v1/ceo/escalations`,
    `  CEO summary       curl ${auth} ${p}/v1/ceo/summary`,
    `  participation     curl ${auth} '${p}/v1/reports/participation?campaignId=${campaign.campaignId}'`,
    `  satisfaction      curl ${auth} '${p}/v1/reports/satisfaction?period=${survey.period}'`,
    `  community         curl ${auth} '${p}/v1/reports/community?community=${community.communities[0]}&month=${community.month}'`,
    `  wave summary      curl ${auth} ${urls.surveys}/v1/waves/${survey.waveId}/summary`,
    '  BI (SQL)          psql -h 127.0.0.1 -U bi_reader cx_projections -c "SELECT * FROM reporting.ceo_escalations"',
    '  the events        npm run cx -- tail complaints --from-beginning --max 20',
  ]
    .filter((line, i, lines) => line !== '' || lines[i - 1] !== '')
    .join('\n');
}
