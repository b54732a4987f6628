import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { mayActOn } from '@cx/auth';
import { Clock, CLOCK, metadataFor } from '@cx/platform';
import { TypicalCaseReviewNotFound } from '../../domain/typical-case-review/typical-case-review.errors';
import type { TypicalCaseReviewCommand } from '../../domain/typical-case-review/typical-case-review.commands';
import { TypicalCaseReviewRepository } from '../../infrastructure/typical-case-review.repository';
import { ChangeTypicalCaseReview } from './change-typical-case-review.command';

/** read stream → fold → decide → append, for every command on an existing review. */
@CommandHandler(ChangeTypicalCaseReview)
export class ChangeTypicalCaseReviewHandler implements ICommandHandler<ChangeTypicalCaseReview, number> {
  constructor(
    private readonly reviews: TypicalCaseReviewRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, principal, expectedVersion }: ChangeTypicalCaseReview): Promise<number> {
    const command = { ...input, now: this.clock.now() } as TypicalCaseReviewCommand;
    const result = await this.reviews.handle(input.reviewId, command, {
      authorize: (state) => {
        if (state.status !== 'not_marked' && !mayActOn(principal, state.details)) {
          throw new TypicalCaseReviewNotFound(input.reviewId);
        }
      },
      expectedVersion,
      metadata: metadataFor(principal),
    });
    return result.streamVersion;
  }
}
