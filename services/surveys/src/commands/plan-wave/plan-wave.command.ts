import type { Principal } from '@cx/auth';
import type { IdempotencyKeyHeader } from '@cx/platform';
import type { PlanSurveyWaveRequest } from './plan-wave.dto';

export class PlanSurveyWaveCommand {
  constructor(
    readonly request: PlanSurveyWaveRequest,
    readonly principal: Principal,
    readonly idempotencyKey: IdempotencyKeyHeader | undefined,
  ) {}
}

export interface PlanSurveyWaveOutcome {
  waveId: string;
  /** True when an Idempotency-Key was repeated: nothing new was appended. */
  replayed: boolean;
}
