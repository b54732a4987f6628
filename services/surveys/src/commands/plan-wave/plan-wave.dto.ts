import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROJECT_TYPES, ProjectType, SURVEY_PERIOD_PATTERN } from '@cx/contracts';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

export class PlanSurveyWaveRequest {
  @ApiProperty({ example: '2026-11', description: 'The month, YYYY-MM; one wave per project type and month' })
  @Matches(new RegExp(SURVEY_PERIOD_PATTERN), { message: '$property must be a month, YYYY-MM' })
  period: string;

  @ApiProperty({ enum: PROJECT_TYPES }) @IsIn(PROJECT_TYPES) projectType: ProjectType;

  @ApiProperty({ format: 'uuid' }) @IsUUID('all') questionnaireId: string;

  @ApiProperty({ minimum: 1, description: 'A published version of the questionnaire' })
  @IsInt()
  @Min(1)
  questionnaireVersion: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 36,
    description:
      'Customers with a complete response in the wave’s month or the months before it are not drawn; default from SURVEY_FATIGUE_MONTHS (6)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(36)
  fatigueMonths?: number;
}
