import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SUBJECT_ID_PATTERN } from '@cx/contracts';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export const LINKS_MAX_PER_REQUEST = 10_000;

export class IssueSurveyLinksRequest {
  @ApiProperty({ type: [String], example: ['subj_7Hq2kLm9Xa'], description: 'Sampled customers to send a link to' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LINKS_MAX_PER_REQUEST)
  @Matches(new RegExp(SUBJECT_ID_PATTERN), { each: true, message: 'each of $property must be a subject id (subj_…)' })
  subjectIds: string[];

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 720,
    description: 'How long the links stay valid; default from SURVEY_LINK_VALID_HOURS (72)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(720)
  validForHours?: number;
}
