import type { Principal } from '@cx/auth';

/** Asked on behalf of a caller: a scoped caller's summary counts the strata of its regions and projects only. */
export class GetWaveSummary {
  constructor(
    readonly waveId: string,
    readonly principal: Principal,
  ) {}
}
