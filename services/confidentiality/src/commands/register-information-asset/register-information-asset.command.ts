import type { Principal } from '@cx/auth';
import type { IdempotencyKeyHeader } from '@cx/platform';
import type { RegisterInformationAssetRequest } from './register-information-asset.dto';

export class RegisterInformationAssetCommand {
  constructor(
    readonly request: RegisterInformationAssetRequest,
    readonly principal: Principal,
    readonly idempotencyKey: IdempotencyKeyHeader | undefined,
  ) {}
}

export interface RegisterAssetOutcome {
  assetId: string;
  /** True when an Idempotency-Key was repeated: nothing new was appended. */
  replayed: boolean;
}
