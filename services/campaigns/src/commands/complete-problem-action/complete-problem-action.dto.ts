import { ApiProperty } from '@nestjs/swagger';
import { PROBLEM_TEXT_MAX_LENGTH } from '@cx/contracts';
import { IsString, Length } from 'class-validator';

export class CompleteProblemActionRequest {
  @ApiProperty({ maxLength: PROBLEM_TEXT_MAX_LENGTH, description: 'What was done; no personal data' })
  @IsString()
  @Length(1, PROBLEM_TEXT_MAX_LENGTH)
  note: string;
}
