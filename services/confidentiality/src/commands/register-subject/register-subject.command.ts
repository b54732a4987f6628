import type { Principal } from '@cx/auth';
import type { IdempotencyKeyHeader } from '@cx/platform';
import type { RegisterSubjectRequest } from './register-subject.dto';

export class RegisterSubjectCommand {
  constructor(
    readonly request: RegisterSubjectRequest,
    readonly principal: Principal,
    readonly idempotencyKey: IdempotencyKeyHeader | undefined,
  ) {}
}

export interface RegisterOutcome {
  subjectId: string;
  version: number;
  /** True when an Idempotency-Key was repeated: nothing new was appended. */
  replayed: boolean;
}
