import { ApiProperty } from '@nestjs/swagger';
import { ESCALATION_REASON_MAX_LENGTH } from '@cx/contracts';
import { IsString, Length } from 'class-validator';

export class EscalateComplaintRequest {
  @ApiProperty({
    maxLength: ESCALATION_REASON_MAX_LENGTH,
    description: 'Why the complaint goes up a level; about the handling, without personal data (it travels in events)',
  })
  @IsString()
  @Length(1, ESCALATION_REASON_MAX_LENGTH)
  reason: string;
}
