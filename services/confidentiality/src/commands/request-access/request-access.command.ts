import type { Principal } from '@cx/auth';
import type { IdempotencyKeyHeader } from '@cx/platform';
import type { RequestAccessRequest } from './request-access.dto';

export class RequestAccessCommand {
  constructor(
    readonly request: RequestAccessRequest,
    readonly principal: Principal,
    readonly idempotencyKey: IdempotencyKeyHeader | undefined,
  ) {}
}

export interface RequestAccessOutcome {
  grantId: string;
  /** True when an Idempotency-Key was repeated: nothing new was appended. */
  replayed: boolean;
}
