import {
  APPRAISAL_SCORECARD_STREAM_TYPE,
  ScorecardCorrectedV1,
  ScorecardEntryV1,
  ScorecardFrozenV1,
  Topics,
} from '@cx/contracts';
import type { PoolClient } from 'pg';
import type { Projection } from '../projection';

export interface AppraisalScorecardTables {
  scorecards: string;
  lines: string;
  revisions: string;
}

/**
 * reporting.appraisal_scorecard from the surveys service's ScorecardFrozen and ScorecardCorrected. A correction
 * claims the scorecard's next version first, so one applied twice (a redelivery, a rebuild) changes nothing.
 */
export const appraisalScorecards: Projection<AppraisalScorecardTables> = {
  name: 'appraisal-scorecards',
  topics: [Topics.surveys],
  tables: {
    scorecards: 'reporting.appraisal_scorecards_v1',
    lines: 'reporting.appraisal_scorecard_lines_v1',
    revisions: 'reporting.appraisal_scorecard_revisions_v1',
  },
  async apply(event, tx, t) {
    if (event.streamType !== APPRAISAL_SCORECARD_STREAM_TYPE) return;
    if (event.type === 'ScorecardFrozen') {
      const s = event.data as ScorecardFrozenV1;
      const inserted = await tx.query(
        `INSERT INTO ${t.scorecards} (scorecard_id, period, project_type, wave_id, minimum_responses, revision,
           frozen_at, last_stream_version)
         VALUES ($1, $2, $3, $4, $5, 0, $6, $7) ON CONFLICT (scorecard_id) DO NOTHING`,
        [s.scorecardId, s.period, s.projectType, s.waveId, s.minimumResponses, s.frozenAt, event.streamVersion],
      );
      if (inserted.rowCount === 0) return;
      await writeLines(tx, t, s);
      await writeRevision(tx, t, s.scorecardId, 0, null, s.frozenBy, s.frozenAt, []);
      return;
    }
    if (event.type === 'ScorecardCorrected') {
      const c = event.data as ScorecardCorrectedV1;
      const claimed = await tx.query(
        `UPDATE ${t.scorecards} SET revision = $2, corrected_at = $3, last_stream_version = $4
          WHERE scorecard_id = $1 AND last_stream_version < $4`,
        [c.scorecardId, c.revision, c.correctedAt, event.streamVersion],
      );
      if (claimed.rowCount === 0) return;
      await tx.query(`DELETE FROM ${t.lines} WHERE scorecard_id = $1`, [c.scorecardId]);
      await writeLines(tx, t, c);
      await writeRevision(tx, t, c.scorecardId, c.revision, c.reason, c.correctedBy, c.correctedAt, c.changes);
    }
  },
};

async function writeLines(
  tx: PoolClient,
  t: AppraisalScorecardTables,
  s: { scorecardId: string; projects: ScorecardEntryV1[]; teams: ScorecardEntryV1[] },
): Promise<void> {
  const lines = [
    ...s.projects.map((l) => ({ ...l, kind: 'project' })),
    ...s.teams.map((l) => ({ ...l, kind: 'team' })),
  ];
  await tx.query(
    `INSERT INTO ${t.lines} (scorecard_id, kind, code, team, responses, answers, index, ci_low, ci_high,
       insufficient, rank, previous_index, change, target, against_target)
     SELECT $1, l.kind, l.code, l.team, l.responses, l.answers, l.index, l."ciLow", l."ciHigh", l.insufficient,
            l.rank, l."previousIndex", l.change, l.target, l."againstTarget"
       FROM jsonb_to_recordset($2::jsonb) AS l(kind text, code text, team text, responses integer, answers integer,
              index numeric, "ciLow" numeric, "ciHigh" numeric, insufficient boolean, rank integer,
              "previousIndex" numeric, change numeric, target numeric, "againstTarget" numeric)`,
    [s.scorecardId, JSON.stringify(lines)],
  );
}

async function writeRevision(
  tx: PoolClient,
  t: AppraisalScorecardTables,
  scorecardId: string,
  revision: number,
  reason: string | null,
  by: string,
  at: string,
  changes: object[],
): Promise<void> {
  await tx.query(
    `INSERT INTO ${t.revisions} (scorecard_id, revision, reason, by_user, at, changes)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
    [scorecardId, revision, reason, by, at, JSON.stringify(changes)],
  );
}
