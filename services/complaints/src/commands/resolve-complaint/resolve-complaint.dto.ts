import { ApiProperty } from '@nestjs/swagger';
import { RESOLUTION_OUTCOMES, ResolutionOutcome } from '@cx/contracts';
import { IsIn } from 'class-validator';

export class ResolveComplaintRequest {
  @ApiProperty({ enum: RESOLUTION_OUTCOMES })
  @IsIn(RESOLUTION_OUTCOMES)
  outcome: ResolutionOutcome;
}
