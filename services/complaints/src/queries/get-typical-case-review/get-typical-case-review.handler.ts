import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { mayActOn } from '@cx/auth';
import { TypicalCaseReviewNotFound } from '../../domain/typical-case-review/typical-case-review.errors';
import { TypicalCaseReviewRepository } from '../../infrastructure/typical-case-review.repository';
import { GetTypicalCaseReview } from './get-typical-case-review.query';
import { toTypicalCaseReviewView, TypicalCaseReviewView } from './typical-case-review.view';

/** Reads the stream itself: the owning service answers from its own truth, not from a projection. */
@QueryHandler(GetTypicalCaseReview)
export class GetTypicalCaseReviewHandler implements IQueryHandler<GetTypicalCaseReview, TypicalCaseReviewView> {
  constructor(private readonly reviews: TypicalCaseReviewRepository) {}

  async execute({ reviewId, principal }: GetTypicalCaseReview): Promise<TypicalCaseReviewView> {
    const { state, version } = await this.reviews.load(reviewId);
    if (state.status === 'not_marked' || !mayActOn(principal, state.details)) {
      throw new TypicalCaseReviewNotFound(reviewId);
    }
    return toTypicalCaseReviewView(state, version);
  }
}
