import type { Principal } from '@cx/auth';
import type { IdempotencyKeyHeader } from '@cx/platform';

export class FreezeParticipationDisclosureCommand {
  constructor(
    readonly campaignId: string,
    readonly principal: Principal,
    readonly idempotencyKey: IdempotencyKeyHeader | undefined,
  ) {}
}

export interface FreezeOutcome {
  disclosureId: string;
  replayed: boolean;
}
