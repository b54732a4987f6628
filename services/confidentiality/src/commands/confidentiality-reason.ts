import { ApiProperty } from '@nestjs/swagger';
import { CONFIDENTIALITY_REASON_MAX_LENGTH } from '@cx/contracts';
import { IsString, Length, Matches } from 'class-validator';

/** Why staff changed a classification or a grant; it travels in events, so it names no person. */
export class ReasonRequest {
  @ApiProperty({
    minLength: 1,
    maxLength: CONFIDENTIALITY_REASON_MAX_LENGTH,
    description: 'Why; no personal data (it travels in events)',
  })
  @IsString()
  @Length(1, CONFIDENTIALITY_REASON_MAX_LENGTH)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason: string;
}
