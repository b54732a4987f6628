import { ApiProperty } from '@nestjs/swagger';
import { IsStaffId } from '../field-shapes';

export class AssignCareServiceRequest {
  @ApiProperty({ example: 'cs-east-12', description: 'User id of the staff member who carries the service out' })
  @IsStaffId()
  assigneeId: string;
}
