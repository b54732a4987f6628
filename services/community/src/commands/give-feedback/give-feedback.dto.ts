import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FEEDBACK_COMMENT_MAX_LENGTH, RATING_MAX, RATING_MIN } from '@cx/contracts';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

export class GiveFeedbackRequest {
  @ApiProperty({ minimum: RATING_MIN, maximum: RATING_MAX, description: '1 (very dissatisfied) to 5 (very satisfied)' })
  @IsInt({ message: '$property must be a whole number' })
  @Min(RATING_MIN)
  @Max(RATING_MAX)
  rating: number;

  @ApiPropertyOptional({
    maxLength: FEEDBACK_COMMENT_MAX_LENGTH,
    description: 'The resident’s words; kept in the community database, never in an event',
  })
  @IsOptional()
  @IsString()
  @Length(1, FEEDBACK_COMMENT_MAX_LENGTH)
  comment?: string;
}
