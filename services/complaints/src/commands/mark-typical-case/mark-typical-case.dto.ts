import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { StaffReasonRequest } from '../staff-reason';

export class MarkTypicalCaseRequest extends StaffReasonRequest {
  @ApiProperty({ format: 'uuid', description: 'The complaint to review; one review per complaint' })
  @IsUUID('all')
  complaintId: string;
}
