import { StaffReasonRequest } from '../staff-reason';

export class DeEscalateComplaintRequest extends StaffReasonRequest {}
