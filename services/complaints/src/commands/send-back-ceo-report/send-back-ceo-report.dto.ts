import { StaffReasonRequest } from '../staff-reason';

export class SendBackCeoReportRequest extends StaffReasonRequest {}
