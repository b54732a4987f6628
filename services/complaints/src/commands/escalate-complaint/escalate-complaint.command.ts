import type { Principal } from '@cx/auth';
import type { EscalateComplaintRequest } from './escalate-complaint.dto';

export class EscalateComplaintCommand {
  constructor(
    readonly complaintId: string,
    readonly request: EscalateComplaintRequest,
    readonly principal: Principal,
    readonly expectedVersion: number | undefined,
  ) {}
}
