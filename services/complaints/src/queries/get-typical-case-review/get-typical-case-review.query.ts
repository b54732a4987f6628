import type { Principal } from '@cx/auth';

/** Asked on behalf of a caller: a review outside the caller's scope is answered as not found. */
export class GetTypicalCaseReview {
  constructor(
    readonly reviewId: string,
    readonly principal: Principal,
  ) {}
}
