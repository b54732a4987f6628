import { ApiProperty } from '@nestjs/swagger';
import { INSTRUCTION_TEXT_MAX_LENGTH } from '@cx/contracts';
import { IsString, Length } from 'class-validator';

export class ReportOnCeoInstructionRequest {
  @ApiProperty({ maxLength: INSTRUCTION_TEXT_MAX_LENGTH, description: 'What was done; no personal data' })
  @IsString()
  @Length(1, INSTRUCTION_TEXT_MAX_LENGTH)
  report: string;
}
