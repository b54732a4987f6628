import { ApiProperty } from '@nestjs/swagger';
import { REJECTION_REASONS, RejectionReason } from '@cx/contracts';
import { IsIn } from 'class-validator';

export class RejectResolutionRequest {
  @ApiProperty({ enum: REJECTION_REASONS })
  @IsIn(REJECTION_REASONS)
  reason: RejectionReason;
}
