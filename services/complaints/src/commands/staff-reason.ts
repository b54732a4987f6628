import { ApiProperty } from '@nestjs/swagger';
import { STAFF_REASON_MAX_LENGTH } from '@cx/contracts';
import { IsString, Length } from 'class-validator';

/** A reason staff give for a change; it travels in events, so it is about the handling, not the customer. */
export class StaffReasonRequest {
  @ApiProperty({
    minLength: 1,
    maxLength: STAFF_REASON_MAX_LENGTH,
    description: 'Why; no personal data (it travels in events)',
  })
  @IsString()
  @Length(1, STAFF_REASON_MAX_LENGTH)
  reason: string;
}
