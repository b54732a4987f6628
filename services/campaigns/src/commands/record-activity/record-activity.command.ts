import type { Principal } from '@cx/auth';
import type { ParticipationActivityRecordedV1 } from '@cx/contracts';
import type { IdempotencyKeyHeader } from '@cx/platform';
import type { ParticipationActivityRequest } from './participation-activity.dto';

export class RecordActivityCommand {
  constructor(
    readonly campaignId: string,
    readonly request: ParticipationActivityRequest,
    readonly principal: Principal,
    readonly idempotencyKey: IdempotencyKeyHeader | undefined,
  ) {}
}

export interface RecordActivityOutcome {
  activity: ParticipationActivityRecordedV1;
  /** True when an Idempotency-Key was repeated: nothing new was appended, the first activity is returned. */
  replayed: boolean;
}
