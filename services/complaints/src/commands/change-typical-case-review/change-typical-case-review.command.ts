import type { Principal } from '@cx/auth';
import type { TypicalCaseReviewCommand } from '../../domain/typical-case-review/typical-case-review.commands';

type WithoutClock<C> = C extends unknown ? Omit<C, 'now'> : never;

/** A command on an existing review as the API receives it: the handler adds `now`. */
export type TypicalCaseReviewCommandInput = WithoutClock<
  Exclude<TypicalCaseReviewCommand, { type: 'MarkTypicalCase' }>
>;

export class ChangeTypicalCaseReview {
  constructor(
    readonly input: TypicalCaseReviewCommandInput,
    readonly principal: Principal,
    readonly expectedVersion: number | undefined,
  ) {}
}
