import type { Principal } from '@cx/auth';
import type { IdempotencyKeyHeader } from '@cx/platform';
import type { PlanActivityRequest } from './plan-activity.dto';

export class PlanCommunityActivityCommand {
  constructor(
    readonly request: PlanActivityRequest,
    readonly principal: Principal,
    readonly idempotencyKey: IdempotencyKeyHeader | undefined,
  ) {}
}

export interface PlanOutcome {
  activityId: string;
  /** True when an Idempotency-Key was repeated: nothing new was appended. */
  replayed: boolean;
}
