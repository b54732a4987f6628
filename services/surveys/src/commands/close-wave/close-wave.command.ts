import type { Principal } from '@cx/auth';

export class CloseSurveyWaveCommand {
  constructor(
    readonly waveId: string,
    readonly principal: Principal,
    readonly expectedVersion: number | undefined,
  ) {}
}
