import type { Principal } from '@cx/auth';
import type { IdempotencyKeyHeader } from '@cx/platform';
import type { MarkTypicalCaseRequest } from './mark-typical-case.dto';

export class MarkTypicalCaseCommand {
  constructor(
    readonly request: MarkTypicalCaseRequest,
    readonly principal: Principal,
    readonly idempotencyKey: IdempotencyKeyHeader | undefined,
  ) {}
}

export interface MarkOutcome {
  reviewId: string;
  version: number;
  /** True when an Idempotency-Key was repeated: nothing new was appended. */
  replayed: boolean;
}
