import {
  EventEnvelope,
  LISTENING_CAMPAIGN_STREAM_TYPE,
  ListeningCampaignCreatedV1,
  PARTICIPATION_SUBMISSION_STREAM_TYPE,
  ParticipationActivityRecordedV1,
  ROSTER_STREAM_TYPE,
  RosterEntriesAddedV1,
  Topics,
} from '@cx/contracts';
import type { PoolClient } from 'pg';
import type { Projection } from '../projection';

export interface CampaignParticipationTables {
  /** Campaigns with their period: reporting, no personal data. */
  campaigns: string;
  /** Who is on each roster, by HR person id: outside the reporting schema, BI sees only the figures. */
  roster: string;
  /** Each recorded activity, by person id: outside the reporting schema too. */
  activities: string;
}

/**
 * What the participation-rate reports count from. The rates themselves are views over these tables
 * (reporting.campaign_participation and _weekly), so that a roster change or a late activity moves every
 * figure at once and the eligibility rule lives in one SQL expression.
 */
export const campaignParticipation: Projection<CampaignParticipationTables> = {
  name: 'campaign-participation',
  topics: [Topics.campaigns],
  tables: {
    campaigns: 'reporting.listening_campaigns_v1',
    roster: 'public.campaign_roster',
    activities: 'public.campaign_activities',
  },
  apply: (event, tx, t) => applyParticipation([event], tx, t),
  applyMany: applyParticipation,
};

const isActivity = (event: EventEnvelope) =>
  event.streamType === PARTICIPATION_SUBMISSION_STREAM_TYPE && event.type === 'ParticipationActivityRecorded';

/**
 * In order; each run of activities (thousands come with one upload) in one statement. An activity is its own row
 * and depends on no other, so only the order of campaign and roster events matters, and it is kept.
 */
async function applyParticipation(
  events: readonly EventEnvelope[],
  tx: PoolClient,
  t: CampaignParticipationTables,
): Promise<void> {
  for (let start = 0; start < events.length;) {
    if (isActivity(events[start])) {
      let end = start;
      while (end < events.length && isActivity(events[end])) end++;
      await recordActivities(
        tx,
        t,
        events.slice(start, end).map((e) => e.data as ParticipationActivityRecordedV1),
      );
      start = end;
      continue;
    }
    const event = events[start++];
    if (event.streamType === LISTENING_CAMPAIGN_STREAM_TYPE) {
      await applyCampaignEvent(tx, t, event.type, event.data, event.streamVersion);
    } else if (event.streamType === ROSTER_STREAM_TYPE) {
      await applyRosterEvent(tx, t, event.data as RosterEntriesAddedV1, event.streamVersion);
    }
  }
}

const STATUS_BY_EVENT: Record<string, string> = {
  ListeningCampaignOpened: 'open',
  ListeningCampaignClosed: 'closed',
};

async function applyCampaignEvent(
  tx: PoolClient,
  t: CampaignParticipationTables,
  type: string,
  data: unknown,
  version: number,
): Promise<void> {
  if (type === 'ListeningCampaignCreated') {
    const c = data as ListeningCampaignCreatedV1;
    await tx.query(
      `INSERT INTO ${t.campaigns} (campaign_id, name, period_start, period_end, activity_kinds, status,
         last_stream_version)
       VALUES ($1, $2, $3, $4, $5, 'draft', $6) ON CONFLICT (campaign_id) DO NOTHING`,
      [c.campaignId, c.name, c.periodStart, c.periodEnd, c.activityKinds, version],
    );
    return;
  }
  const status = STATUS_BY_EVENT[type];
  if (!status) return;
  await tx.query(
    `UPDATE ${t.campaigns} SET status = $2, last_stream_version = $3
      WHERE campaign_id = $1 AND last_stream_version < $3`,
    [(data as { campaignId: string }).campaignId, status, version],
  );
}

/**
 * Added and updated entries are both "this person's record as of this roster version": an entry older than
 * the one held (a redelivery) changes nothing. One statement per event, however many entries it carries.
 */
async function applyRosterEvent(
  tx: PoolClient,
  t: CampaignParticipationTables,
  data: RosterEntriesAddedV1,
  version: number,
): Promise<void> {
  await tx.query(
    `INSERT INTO ${t.roster} AS held (campaign_id, person_id, segment, department, region, employed_from, employed_until,
       last_stream_version)
     SELECT $1, e."personId", e.segment, e.department, e.region, e."employedFrom"::date, e."employedUntil"::date, $3
       FROM jsonb_to_recordset($2::jsonb) AS e("personId" text, segment text, department text, region text,
                                                "employedFrom" text, "employedUntil" text)
     ON CONFLICT (campaign_id, person_id) DO UPDATE SET
       segment = EXCLUDED.segment, department = EXCLUDED.department, region = EXCLUDED.region,
       employed_from = EXCLUDED.employed_from, employed_until = EXCLUDED.employed_until,
       last_stream_version = EXCLUDED.last_stream_version
     WHERE held.last_stream_version < EXCLUDED.last_stream_version`,
    [data.campaignId, JSON.stringify(data.entries), version],
  );
}

async function recordActivities(
  tx: PoolClient,
  t: CampaignParticipationTables,
  activities: readonly ParticipationActivityRecordedV1[],
): Promise<void> {
  await tx.query(
    `INSERT INTO ${t.activities} (activity_id, campaign_id, person_id, kind, activity_date, customers_met, findings)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::date[], $6::int[], $7::int[])
     ON CONFLICT (activity_id) DO NOTHING`,
    [
      activities.map((a) => a.activityId),
      activities.map((a) => a.campaignId),
      activities.map((a) => a.personId),
      activities.map((a) => a.kind),
      activities.map((a) => a.date),
      activities.map((a) => a.customersMet),
      activities.map((a) => a.findings.length),
    ],
  );
}
