import { StaffReasonRequest } from '../staff-reason';

export class SendBackImprovementActionRequest extends StaffReasonRequest {}
