import { Inject, Injectable } from '@nestjs/common';
import { TYPICAL_CASE_REVIEW_STREAM_TYPE, typicalCaseReviewEventSchemas } from '@cx/contracts';
import { AggregateRepository, PostgresEventStore, versionOneCodec } from '@cx/event-store';
import type { PoolClient } from 'pg';
import type { SlaPolicy } from '../domain/sla/sla-policy';
import type { TypicalCaseReviewCommand } from '../domain/typical-case-review/typical-case-review.commands';
import { createTypicalCaseReviewDecider } from '../domain/typical-case-review/typical-case-review.decider';
import { ComplaintAlreadyUnderReview } from '../domain/typical-case-review/typical-case-review.errors';
import type { TypicalCaseReviewEvent } from '../domain/typical-case-review/typical-case-review.events';
import type { TypicalCaseReviewState } from '../domain/typical-case-review/typical-case-review.state';
import { SLA_POLICY } from './sla-policy.config';

const reviewCodec = versionOneCodec<TypicalCaseReviewEvent>(typicalCaseReviewEventSchemas);

@Injectable()
export class TypicalCaseReviewRepository extends AggregateRepository<
  TypicalCaseReviewCommand,
  TypicalCaseReviewEvent,
  TypicalCaseReviewState
> {
  /** Due dates are calendar dates where the group works: the SLA calendar's time zone. */
  constructor(store: PostgresEventStore, @Inject(SLA_POLICY) slaPolicy: SlaPolicy) {
    super(store, createTypicalCaseReviewDecider(slaPolicy.calendar), TYPICAL_CASE_REVIEW_STREAM_TYPE, reviewCodec);
  }

  /**
   * Written in the append's transaction: the review claims its complaint, and a complaint that already has a
   * review (committed, or committing concurrently) refuses the claim, naming that review; nothing is appended.
   */
  static claimComplaint(reviewId: string, complaintId: string) {
    return async (tx: PoolClient): Promise<void> => {
      const claimed = await tx.query(
        `INSERT INTO typical_case_reviews_by_complaint (complaint_id, review_id) VALUES ($1, $2)
         ON CONFLICT (complaint_id) DO NOTHING`,
        [complaintId, reviewId],
      );
      if (claimed.rowCount === 1) return;
      const { rows } = await tx.query<{ review_id: string }>(
        'SELECT review_id FROM typical_case_reviews_by_complaint WHERE complaint_id = $1',
        [complaintId],
      );
      throw new ComplaintAlreadyUnderReview(complaintId, rows[0].review_id);
    };
  }
}
