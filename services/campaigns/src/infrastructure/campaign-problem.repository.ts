import { Injectable } from '@nestjs/common';
import { CAMPAIGN_PROBLEM_STREAM_TYPE, campaignProblemEventSchemas } from '@cx/contracts';
import { AggregateRepository, PostgresEventStore, versionOneCodec } from '@cx/event-store';
import type { PoolClient } from 'pg';
import type { CampaignProblemCommand } from '../domain/campaign-problem/campaign-problem.commands';
import { campaignProblemDecider } from '../domain/campaign-problem/campaign-problem.decider';
import { FindingAlreadyRaised } from '../domain/campaign-problem/campaign-problem.errors';
import type { CampaignProblemEvent } from '../domain/campaign-problem/campaign-problem.events';
import type { CampaignProblemState } from '../domain/campaign-problem/campaign-problem.state';

@Injectable()
export class CampaignProblemRepository extends AggregateRepository<
  CampaignProblemCommand,
  CampaignProblemEvent,
  CampaignProblemState
> {
  constructor(store: PostgresEventStore) {
    super(
      store,
      campaignProblemDecider,
      CAMPAIGN_PROBLEM_STREAM_TYPE,
      versionOneCodec<CampaignProblemEvent>(campaignProblemEventSchemas),
    );
  }

  /**
   * Written in the append's transaction: the problem claims its finding, and a finding that already is a problem
   * (committed, or committing concurrently) refuses the claim, naming that problem; nothing is appended.
   */
  static claimFinding(problemId: string, activityId: string, findingIndex: number) {
    return async (tx: PoolClient): Promise<void> => {
      const claimed = await tx.query(
        `INSERT INTO campaign_problems_by_finding (activity_id, finding_index, problem_id) VALUES ($1, $2, $3)
         ON CONFLICT (activity_id, finding_index) DO NOTHING`,
        [activityId, findingIndex, problemId],
      );
      if (claimed.rowCount === 1) return;
      const { rows } = await tx.query<{ problem_id: string }>(
        'SELECT problem_id FROM campaign_problems_by_finding WHERE activity_id = $1 AND finding_index = $2',
        [activityId, findingIndex],
      );
      throw new FindingAlreadyRaised(activityId, findingIndex, rows[0].problem_id);
    };
  }
}
