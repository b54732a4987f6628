import type { Principal } from '@cx/auth';
import type { RevealPersonalDataRequest } from './reveal-personal-data.dto';

export class RevealPersonalDataCommand {
  constructor(
    readonly subjectId: string,
    readonly request: RevealPersonalDataRequest,
    readonly principal: Principal,
  ) {}
}
