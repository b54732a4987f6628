import type { Principal } from '@cx/auth';

/** Asked on behalf of a caller: a scoped caller sees the members of its regions and projects only. */
export class GetSurveySample {
  constructor(
    readonly waveId: string,
    readonly principal: Principal,
  ) {}
}
