import type { Principal } from '@cx/auth';
import type { IdempotencyKeyHeader } from '@cx/platform';
import type { CreateListeningCampaignRequest } from './create-campaign.dto';

export class CreateListeningCampaignCommand {
  constructor(
    readonly request: CreateListeningCampaignRequest,
    readonly principal: Principal,
    readonly idempotencyKey: IdempotencyKeyHeader | undefined,
  ) {}
}

export interface CreateOutcome {
  campaignId: string;
  version: number;
  /** True when an Idempotency-Key was repeated: nothing new was appended. */
  replayed: boolean;
}
