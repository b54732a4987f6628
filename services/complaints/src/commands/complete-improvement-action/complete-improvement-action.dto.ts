import { ApiProperty } from '@nestjs/swagger';
import { REVIEW_TEXT_MAX_LENGTH } from '@cx/contracts';
import { IsString, Length } from 'class-validator';

export class CompleteImprovementActionRequest {
  @ApiProperty({ maxLength: REVIEW_TEXT_MAX_LENGTH, description: 'What was done; no personal data' })
  @IsString()
  @Length(1, REVIEW_TEXT_MAX_LENGTH)
  note: string;
}
