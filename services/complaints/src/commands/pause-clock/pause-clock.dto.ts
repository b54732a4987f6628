import { ApiProperty } from '@nestjs/swagger';
import { CLOCK_PAUSE_REASONS, ClockPauseReason } from '@cx/contracts';
import { IsIn } from 'class-validator';

export class PauseClockRequest {
  @ApiProperty({ enum: CLOCK_PAUSE_REASONS })
  @IsIn(CLOCK_PAUSE_REASONS)
  reason: ClockPauseReason;
}
