import { ApiProperty } from '@nestjs/swagger';
import { SATISFACTION_MAX, SATISFACTION_MIN } from '@cx/contracts';
import { IsInt, Max, Min } from 'class-validator';

export class CloseComplaintRequest {
  @ApiProperty({
    minimum: SATISFACTION_MIN,
    maximum: SATISFACTION_MAX,
    description: 'The customer’s satisfaction with the handling',
  })
  @IsInt()
  @Min(SATISFACTION_MIN)
  @Max(SATISFACTION_MAX)
  satisfaction: number;
}
