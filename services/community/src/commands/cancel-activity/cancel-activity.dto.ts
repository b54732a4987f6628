import { ApiProperty } from '@nestjs/swagger';
import { ACTIVITY_CANCELLATION_REASONS, ActivityCancellationReason } from '@cx/contracts';
import { IsIn } from 'class-validator';

export class CancelActivityRequest {
  @ApiProperty({ enum: ACTIVITY_CANCELLATION_REASONS, description: 'A reason code; it reaches every notification' })
  @IsIn(ACTIVITY_CANCELLATION_REASONS, {
    message: `$property must be one of: ${ACTIVITY_CANCELLATION_REASONS.join(', ')}`,
  })
  reason: ActivityCancellationReason;
}
