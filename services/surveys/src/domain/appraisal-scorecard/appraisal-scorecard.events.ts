/** The AppraisalScorecard stream's events are the published contract; the domain uses the same types. */
export type {
  AppraisalScorecardEvent,
  ScorecardChangeV1,
  ScorecardCorrectedV1,
  ScorecardEntryV1,
  ScorecardFrozenV1,
} from '@cx/contracts';
