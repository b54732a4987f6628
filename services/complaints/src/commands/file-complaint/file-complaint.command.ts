import type { Principal } from '@cx/auth';
import type { IdempotencyKeyHeader } from '@cx/platform';
import type { DecidedComplaint } from '../../queries/get-complaint/get-complaint.query';
import type { FileComplaintRequest } from './file-complaint.dto';

export class FileComplaintCommand {
  constructor(
    readonly request: FileComplaintRequest,
    readonly principal: Principal,
    readonly idempotencyKey: IdempotencyKeyHeader | undefined,
  ) {}
}

export interface CommandOutcome {
  complaintId: string;
  version: number;
  /** True when an Idempotency-Key was repeated: nothing new was appended. */
  replayed: boolean;
  /** The complaint as filed; absent on a replay, which reads it. */
  decided?: DecidedComplaint;
}
