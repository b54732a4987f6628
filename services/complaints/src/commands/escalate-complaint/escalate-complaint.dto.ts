import { StaffReasonRequest } from '../staff-reason';

export class EscalateComplaintRequest extends StaffReasonRequest {}
