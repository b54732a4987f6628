/** The TypicalCaseReview stream's events are the published contract; the domain uses the same types. */
export type { TypicalCaseMarkedV1, TypicalCaseReviewEvent } from '@cx/contracts';
