export class GetTypicalCaseReview {
  constructor(readonly reviewId: string) {}
}
