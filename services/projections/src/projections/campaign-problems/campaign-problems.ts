import {
  CAMPAIGN_PROBLEM_STREAM_TYPE,
  CampaignProblemActionAddedV1,
  CampaignProblemLinkedV1,
  CampaignProblemRaisedV1,
  EventEnvelope,
  Topics,
} from '@cx/contracts';
import type { PoolClient } from 'pg';
import type { Projection } from '../projection';

export interface CampaignProblemTables {
  problems: string;
  actions: string;
}

/** What each action event makes of the action; the problem's own events are handled below. */
const ACTION_STATUS: Record<string, { status: string; sentBack: number }> = {
  CampaignProblemActionCompleted: { status: 'completed', sentBack: 0 },
  CampaignProblemActionVerified: { status: 'verified', sentBack: 0 },
  CampaignProblemActionSentBack: { status: 'open', sentBack: 1 },
};

/**
 * Problems found by the listening campaigns and their improvement actions, for the counts by category,
 * open/closed and overdue. Every event after the first claims the problem's next version first: an event at
 * or below the version held (a redelivery) changes nothing.
 */
export const campaignProblems: Projection<CampaignProblemTables> = {
  name: 'campaign-problems',
  topics: [Topics.campaigns],
  tables: {
    problems: 'reporting.campaign_problems_v1',
    actions: 'reporting.campaign_problem_actions_v1',
  },
  async apply(event, tx, t) {
    if (event.streamType !== CAMPAIGN_PROBLEM_STREAM_TYPE) return;
    if (event.type === 'CampaignProblemRaised') {
      const p = event.data as CampaignProblemRaisedV1;
      await tx.query(
        `INSERT INTO ${t.problems} (problem_id, campaign_id, category, owner_id, due_date, status, raised_at,
           last_stream_version)
         VALUES ($1, $2, $3, $4, $5, 'open', $6, $7) ON CONFLICT (problem_id) DO NOTHING`,
        [p.problemId, p.campaignId, p.category, p.ownerId, p.dueDate, p.raisedAt, event.streamVersion],
      );
      return;
    }
    if (!(await claimVersion(tx, t, event))) return;
    const data = event.data as { problemId: string; actionId?: string };
    switch (event.type) {
      case 'CampaignProblemLinked': {
        const l = event.data as CampaignProblemLinkedV1;
        await tx.query(`UPDATE ${t.problems} SET link_kind = $2, linked_id = $3 WHERE problem_id = $1`, [
          l.problemId,
          l.linkKind,
          l.linkedId,
        ]);
        return;
      }
      case 'CampaignProblemActionAdded': {
        const a = event.data as CampaignProblemActionAddedV1;
        await tx.query(
          `INSERT INTO ${t.actions} (problem_id, action_id, owner_id, due_date, status, times_sent_back)
           VALUES ($1, $2, $3, $4, 'open', 0)`,
          [a.problemId, a.actionId, a.ownerId, a.dueDate],
        );
        return;
      }
      case 'CampaignProblemClosed':
        await tx.query(`UPDATE ${t.problems} SET status = 'closed', closed_at = $2 WHERE problem_id = $1`, [
          data.problemId,
          (event.data as { closedAt: string }).closedAt,
        ]);
        return;
      default: {
        const change = ACTION_STATUS[event.type];
        if (!change) return;
        await tx.query(
          `UPDATE ${t.actions} SET status = $3, times_sent_back = times_sent_back + $4
            WHERE problem_id = $1 AND action_id = $2`,
          [data.problemId, data.actionId, change.status, change.sentBack],
        );
      }
    }
  },
};

async function claimVersion(tx: PoolClient, t: CampaignProblemTables, event: EventEnvelope): Promise<boolean> {
  const { rowCount } = await tx.query(
    `UPDATE ${t.problems} SET last_stream_version = $2 WHERE problem_id = $1 AND last_stream_version < $2`,
    [event.streamId, event.streamVersion],
  );
  return rowCount === 1;
}
