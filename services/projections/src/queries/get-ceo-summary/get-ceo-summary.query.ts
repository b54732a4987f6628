import type { Principal } from '@cx/auth';
import type { GetCeoSummaryRequest } from './get-ceo-summary.dto';

export class GetCeoSummary {
  constructor(
    readonly request: GetCeoSummaryRequest,
    readonly principal: Principal,
  ) {}
}
