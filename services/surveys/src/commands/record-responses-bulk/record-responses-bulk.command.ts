import type { Principal } from '@cx/auth';
import type { IdempotencyKeyHeader } from '@cx/platform';
import type { ResponseRows } from './response-rows';
import type { ResponseUploadReport } from './response-upload-report.view';

export class RecordResponsesBulkCommand {
  constructor(
    readonly waveId: string,
    readonly rows: ResponseRows,
    readonly principal: Principal,
    readonly idempotencyKey: IdempotencyKeyHeader | undefined,
  ) {}
}

export interface RecordResponsesBulkOutcome {
  report: ResponseUploadReport;
  /** True when an Idempotency-Key was repeated: nothing new was appended, the first report is returned. */
  replayed: boolean;
}
