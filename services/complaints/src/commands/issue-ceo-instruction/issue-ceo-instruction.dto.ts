import { ApiProperty } from '@nestjs/swagger';
import { ESCALATION_LADDER, EscalationLevel, INSTRUCTION_TEXT_MAX_LENGTH } from '@cx/contracts';
import { IsIn, IsISO8601, IsString, Length, Matches } from 'class-validator';

export class IssueCeoInstructionRequest {
  @ApiProperty({ description: 'User id of the accountable owner', example: 'regional-director-east' })
  @IsString()
  @Matches(/^[A-Za-z0-9._:@-]{1,128}$/, { message: 'ownerId must be a user id (1-128 letters, digits, . _ : @ -)' })
  ownerId: string;

  @ApiProperty({ enum: ESCALATION_LADDER, description: 'The owner’s level; must be below the CEO office' })
  @IsIn(ESCALATION_LADDER)
  ownerLevel: EscalationLevel;

  @ApiProperty({ format: 'date-time', description: 'When the owner must report back; in the future' })
  @IsISO8601({ strict: true }, { message: 'dueAt must be an ISO 8601 timestamp' })
  dueAt: string;

  @ApiProperty({
    maxLength: INSTRUCTION_TEXT_MAX_LENGTH,
    description: 'What to do; no personal data (it travels in events)',
  })
  @IsString()
  @Length(1, INSTRUCTION_TEXT_MAX_LENGTH)
  note: string;
}
