import { ApiProperty } from '@nestjs/swagger';
import { PROBLEM_REASON_MAX_LENGTH } from '@cx/contracts';
import { IsString, Length } from 'class-validator';

export class SendBackProblemActionRequest {
  @ApiProperty({ maxLength: PROBLEM_REASON_MAX_LENGTH, description: 'Why; no personal data (it travels in events)' })
  @IsString()
  @Length(1, PROBLEM_REASON_MAX_LENGTH)
  reason: string;
}
