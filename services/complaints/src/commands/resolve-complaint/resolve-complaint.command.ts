import type { Principal } from '@cx/auth';
import type { ResolveComplaintRequest } from './resolve-complaint.dto';

export class ResolveComplaintCommand {
  constructor(
    readonly complaintId: string,
    readonly request: ResolveComplaintRequest,
    readonly principal: Principal,
    readonly expectedVersion: number | undefined,
  ) {}
}
