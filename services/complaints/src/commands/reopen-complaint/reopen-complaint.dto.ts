import { StaffReasonRequest } from '../staff-reason';

export class ReopenComplaintRequest extends StaffReasonRequest {}
