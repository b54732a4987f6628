import type { Principal } from '@cx/auth';
import type { IdempotencyKeyHeader } from '@cx/platform';
import type { RaiseProblemRequest } from './raise-problem.dto';

export class RaiseCampaignProblemCommand {
  constructor(
    readonly campaignId: string,
    readonly request: RaiseProblemRequest,
    readonly principal: Principal,
    readonly idempotencyKey: IdempotencyKeyHeader | undefined,
  ) {}
}

export interface RaiseOutcome {
  problemId: string;
  /** True when an Idempotency-Key was repeated: nothing new was appended. */
  replayed: boolean;
}
