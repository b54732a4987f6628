import type { Principal } from '@cx/auth';
import type { DrawSampleRequest } from './draw-sample.dto';

export class DrawSampleCommand {
  constructor(
    readonly waveId: string,
    readonly request: DrawSampleRequest,
    readonly principal: Principal,
    readonly expectedVersion: number | undefined,
  ) {}
}
