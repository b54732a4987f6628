import type { Principal } from '@cx/auth';
import type { IdempotencyKeyHeader } from '@cx/platform';
import type { ActivityRows } from './activity-rows';
import type { ParticipationUploadReport } from './participation-upload-report.view';

export class RecordActivitiesBulkCommand {
  constructor(
    readonly campaignId: string,
    readonly rows: ActivityRows,
    readonly principal: Principal,
    readonly idempotencyKey: IdempotencyKeyHeader | undefined,
  ) {}
}

export interface RecordActivitiesBulkOutcome {
  report: ParticipationUploadReport;
  /** True when an Idempotency-Key was repeated: nothing new was appended, the first report is returned. */
  replayed: boolean;
}
