import type { Principal } from '@cx/auth';
import type { RegisterResidentsRequest } from './register-residents.dto';

export class RegisterResidentsCommand {
  constructor(
    readonly community: string,
    readonly request: RegisterResidentsRequest,
    readonly principal: Principal,
    readonly expectedVersion: number | undefined,
  ) {}
}
