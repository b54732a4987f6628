import type { Principal } from '@cx/auth';
import type { IdempotencyKeyHeader } from '@cx/platform';
import type { RequestCareServiceRequest } from './request-care-service.dto';

export class RequestCareServiceCommand {
  constructor(
    readonly request: RequestCareServiceRequest,
    readonly principal: Principal,
    readonly idempotencyKey: IdempotencyKeyHeader | undefined,
  ) {}
}

export interface RequestOutcome {
  careServiceId: string;
  /** True when an Idempotency-Key was repeated: nothing new was appended. */
  replayed: boolean;
}
