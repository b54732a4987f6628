import { ApiProperty } from '@nestjs/swagger';
import { REVIEW_TEXT_MAX_LENGTH } from '@cx/contracts';
import { IsString, Length } from 'class-validator';

export class ConcludeTypicalCaseReviewRequest {
  @ApiProperty({ maxLength: REVIEW_TEXT_MAX_LENGTH, description: 'The conclusion and lessons; no personal data' })
  @IsString()
  @Length(1, REVIEW_TEXT_MAX_LENGTH)
  conclusion: string;
}
