import { ApiProperty } from '@nestjs/swagger';
import { IsTimestamp } from '../field-shapes';

export class ScheduleCareVisitRequest {
  @ApiProperty({ format: 'date-time', example: '2026-05-05T10:00:00+08:00', description: 'In the future' })
  @IsTimestamp()
  scheduledFor: string;
}
