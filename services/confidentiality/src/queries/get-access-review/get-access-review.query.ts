import type { GetAccessReviewRequest } from './get-access-review.dto';

export class GetAccessReview {
  constructor(readonly page: GetAccessReviewRequest) {}
}
