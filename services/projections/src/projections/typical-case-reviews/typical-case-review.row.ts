/** One improvement action of a review: a row of reporting.typical_case_review_actions_v1. */
export interface ImprovementActionRow {
  actionId: string;
  description: string;
  ownerId: string;
  dueDate: string;
  status: 'open' | 'completed' | 'verified';
  completedAt: string | null;
  verifiedAt: string | null;
  timesSentBack: number;
}

/** One typical-case review: a row of reporting.typical_case_reviews_v1 and its actions. */
export interface TypicalCaseReviewRow {
  reviewId: string;
  complaintId: string;
  project: string;
  region: string;
  category: string;
  severity: string;
  status: 'open' | 'concluded';
  markedAt: string;
  rootCauseCategory: string | null;
  businessProblem: string | null;
  conclusion: string | null;
  concludedAt: string | null;
  actions: ImprovementActionRow[];
  lastStreamVersion: number;
}
