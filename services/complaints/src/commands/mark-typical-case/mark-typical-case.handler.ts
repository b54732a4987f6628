import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { mayActOn, Principal } from '@cx/auth';
import { Clock, CLOCK, metadataFor } from '@cx/platform';
import type { ComplaintState } from '../../domain/complaint.state';
import type { ComplaintUnderReview } from '../../domain/typical-case-review/typical-case-review.commands';
import { ComplaintRepository } from '../../infrastructure/complaint.repository';
import { TypicalCaseReviewRepository } from '../../infrastructure/typical-case-review.repository';
import { MarkOutcome, MarkTypicalCaseCommand } from './mark-typical-case.command';

/** Reads the complaint it reviews (its own stream), then opens the review and claims the complaint in one transaction. */
@CommandHandler(MarkTypicalCaseCommand)
export class MarkTypicalCaseHandler implements ICommandHandler<MarkTypicalCaseCommand, MarkOutcome> {
  constructor(
    private readonly reviews: TypicalCaseReviewRepository,
    private readonly complaints: ComplaintRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ request, principal, idempotencyKey }: MarkTypicalCaseCommand): Promise<MarkOutcome> {
    const reviewId = randomUUID();
    const { complaintId, reason } = request;
    const { state: complaint } = await this.complaints.load(complaintId);
    const result = await this.reviews.handle(
      reviewId,
      {
        type: 'MarkTypicalCase',
        reviewId,
        complaintId,
        complaint: underReview(complaint, principal),
        reason,
        markedBy: principal.sub,
        now: this.clock.now(),
      },
      {
        expectedVersion: 0,
        metadata: metadataFor(principal),
        idempotency: idempotencyKey && { scope: 'typical-case-reviews.mark', ...idempotencyKey },
        alsoInTransaction: TypicalCaseReviewRepository.claimComplaint(reviewId, complaintId),
      },
    );
    return { reviewId: result.streamId, version: result.streamVersion, replayed: result.replayed };
  }
}

/**
 * The complaint as it stands now (its current severity), or null when it was never filed or lies outside the
 * caller's scope: a reviewer cannot learn of complaints they may not see.
 */
function underReview(complaint: ComplaintState, principal: Principal): ComplaintUnderReview | null {
  if (complaint.status === 'not_filed' || !mayActOn(principal, complaint.details)) return null;
  const { project, region, category } = complaint.details;
  return { project, region, category, severity: complaint.severity };
}
