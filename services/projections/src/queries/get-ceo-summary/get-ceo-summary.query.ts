import type { GetCeoSummaryRequest } from './get-ceo-summary.dto';

export class GetCeoSummary {
  constructor(readonly request: GetCeoSummaryRequest) {}
}
