import { ApiProperty } from '@nestjs/swagger';
import { LEGAL_HOLD_REASONS, LEGAL_HOLD_REFERENCE_MAX_LENGTH, LegalHoldReason } from '@cx/contracts';
import { IsIn, IsString, Length, Matches } from 'class-validator';

export class PlaceLegalHoldRequest {
  @ApiProperty({ enum: LEGAL_HOLD_REASONS })
  @IsIn(LEGAL_HOLD_REASONS)
  reason: LegalHoldReason;

  @ApiProperty({
    maxLength: LEGAL_HOLD_REFERENCE_MAX_LENGTH,
    example: '(2026)沪0115民初12345号',
    description: 'The case or matter number; it travels in events, so it names the matter, never the person',
  })
  @IsString()
  @Length(1, LEGAL_HOLD_REFERENCE_MAX_LENGTH)
  @Matches(/\S/, { message: 'reference must not be blank' })
  reference: string;
}
