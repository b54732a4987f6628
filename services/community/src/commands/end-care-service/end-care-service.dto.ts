import { ApiProperty } from '@nestjs/swagger';
import { CARE_SERVICE_END_REASONS, CareServiceEndReason } from '@cx/contracts';
import { IsIn } from 'class-validator';

export class EndCareServiceRequest {
  @ApiProperty({ enum: CARE_SERVICE_END_REASONS })
  @IsIn(CARE_SERVICE_END_REASONS, { message: `$property must be one of: ${CARE_SERVICE_END_REASONS.join(', ')}` })
  reason: CareServiceEndReason;
}
