import type { Principal } from '@cx/auth';
import type { IdempotencyKeyHeader } from '@cx/platform';
import type { RegisterForActivityRequest } from './register-for-activity.dto';

export class RegisterForActivityCommand {
  constructor(
    readonly activityId: string,
    readonly request: RegisterForActivityRequest,
    readonly principal: Principal,
    readonly idempotencyKey: IdempotencyKeyHeader | undefined,
  ) {}
}

export interface RegistrationOutcome {
  registrationId: string;
  /** True when an Idempotency-Key was repeated: nothing new was appended. */
  replayed: boolean;
}
