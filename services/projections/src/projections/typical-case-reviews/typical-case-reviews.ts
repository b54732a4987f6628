import { TYPICAL_CASE_REVIEW_STREAM_TYPE, Topics } from '@cx/contracts';
import type { Projection } from '../projection';
import { evolveTypicalCaseReview } from './typical-case-reviews.projection';
import { TypicalCaseReviewTables, typicalCaseReviewStore } from './typical-case-reviews.store';

/** The review board's worklist and record: every typical-case review with its improvement actions. */
export const typicalCaseReviews: Projection<TypicalCaseReviewTables> = {
  name: 'typical-case-reviews',
  topics: [Topics.complaints],
  tables: {
    reviews: 'reporting.typical_case_reviews_v1',
    actions: 'reporting.typical_case_review_actions_v1',
  },
  async apply(event, tx, tables) {
    if (event.streamType !== TYPICAL_CASE_REVIEW_STREAM_TYPE) return;
    const row = await typicalCaseReviewStore.load(tx, tables, event.streamId);
    const next = evolveTypicalCaseReview(row, event);
    if (next && next !== row) await typicalCaseReviewStore.save(tx, tables, next);
  },
};
