import type { PoolClient } from 'pg';
import type { ImprovementActionRow, TypicalCaseReviewRow } from './typical-case-review.row';

export interface TypicalCaseReviewTables {
  reviews: string;
  actions: string;
}

interface ReviewDbRow {
  review_id: string;
  complaint_id: string;
  project: string;
  region: string;
  category: string;
  severity: string;
  status: TypicalCaseReviewRow['status'];
  marked_at: Date;
  root_cause_category: string | null;
  business_problem: string | null;
  conclusion: string | null;
  concluded_at: Date | null;
  last_stream_version: number;
}

interface ActionDbRow {
  action_id: string;
  description: string;
  owner_id: string;
  due_date: string;
  status: ImprovementActionRow['status'];
  completed_at: Date | null;
  verified_at: Date | null;
  times_sent_back: number;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const typicalCaseReviewStore = {
  async load(tx: PoolClient, t: TypicalCaseReviewTables, reviewId: string): Promise<TypicalCaseReviewRow | null> {
    const { rows } = await tx.query<ReviewDbRow>(`SELECT * FROM ${t.reviews} WHERE review_id = $1 FOR UPDATE`, [
      reviewId,
    ]);
    const r = rows[0];
    if (!r) return null;
    const actions = await tx.query<ActionDbRow>(
      `SELECT action_id, description, owner_id, due_date::text, status, completed_at, verified_at, times_sent_back
         FROM ${t.actions} WHERE review_id = $1 ORDER BY position`,
      [reviewId],
    );
    return {
      reviewId: r.review_id,
      complaintId: r.complaint_id,
      project: r.project,
      region: r.region,
      category: r.category,
      severity: r.severity,
      status: r.status,
      markedAt: r.marked_at.toISOString(),
      rootCauseCategory: r.root_cause_category,
      businessProblem: r.business_problem,
      conclusion: r.conclusion,
      concludedAt: iso(r.concluded_at),
      lastStreamVersion: r.last_stream_version,
      actions: actions.rows.map((a) => ({
        actionId: a.action_id,
        description: a.description,
        ownerId: a.owner_id,
        dueDate: a.due_date,
        status: a.status,
        completedAt: iso(a.completed_at),
        verifiedAt: iso(a.verified_at),
        timesSentBack: a.times_sent_back,
      })),
    };
  },

  async save(tx: PoolClient, t: TypicalCaseReviewTables, row: TypicalCaseReviewRow): Promise<void> {
    await tx.query(
      `INSERT INTO ${t.reviews} (review_id, complaint_id, project, region, category, severity, status, marked_at,
         root_cause_category, business_problem, conclusion, concluded_at, last_stream_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (review_id) DO UPDATE SET
         status = EXCLUDED.status, root_cause_category = EXCLUDED.root_cause_category,
         business_problem = EXCLUDED.business_problem, conclusion = EXCLUDED.conclusion,
         concluded_at = EXCLUDED.concluded_at, last_stream_version = EXCLUDED.last_stream_version`,
      [
        row.reviewId,
        row.complaintId,
        row.project,
        row.region,
        row.category,
        row.severity,
        row.status,
        row.markedAt,
        row.rootCauseCategory,
        row.businessProblem,
        row.conclusion,
        row.concludedAt,
        row.lastStreamVersion,
      ],
    );
    for (const [position, a] of row.actions.entries()) {
      await tx.query(
        `INSERT INTO ${t.actions} (review_id, action_id, position, description, owner_id, due_date, status,
           completed_at, verified_at, times_sent_back)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (review_id, action_id) DO UPDATE SET
           status = EXCLUDED.status, completed_at = EXCLUDED.completed_at, verified_at = EXCLUDED.verified_at,
           times_sent_back = EXCLUDED.times_sent_back`,
        [
          row.reviewId,
          a.actionId,
          position,
          a.description,
          a.ownerId,
          a.dueDate,
          a.status,
          a.completedAt,
          a.verifiedAt,
          a.timesSentBack,
        ],
      );
    }
  },
};
