import type { Principal } from '@cx/auth';
import type { SamplingFrameRows } from './sampling-frame-rows';

export class LoadSamplingFrameCommand {
  constructor(
    readonly waveId: string,
    readonly rows: SamplingFrameRows,
    readonly principal: Principal,
    readonly expectedVersion: number | undefined,
  ) {}
}
