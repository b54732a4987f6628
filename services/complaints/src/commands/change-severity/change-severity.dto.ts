import { ApiProperty } from '@nestjs/swagger';
import { COMPLAINT_SEVERITIES, ComplaintSeverity } from '@cx/contracts';
import { IsIn } from 'class-validator';
import { StaffReasonRequest } from '../staff-reason';

export class ChangeSeverityRequest extends StaffReasonRequest {
  @ApiProperty({ enum: COMPLAINT_SEVERITIES })
  @IsIn(COMPLAINT_SEVERITIES)
  severity: ComplaintSeverity;
}
