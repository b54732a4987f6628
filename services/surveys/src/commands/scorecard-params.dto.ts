import { ApiProperty } from '@nestjs/swagger';
import { PROJECT_TYPES, ProjectType, SURVEY_PERIOD_PATTERN } from '@cx/contracts';
import { IsIn, Matches } from 'class-validator';

/** A scorecard is named by its project type and month: `/v1/appraisal-scorecards/residential/2026-05`. */
export class ScorecardParams {
  @ApiProperty({ enum: PROJECT_TYPES })
  @IsIn(PROJECT_TYPES)
  projectType: ProjectType;

  @ApiProperty({ example: '2026-05' })
  @Matches(new RegExp(SURVEY_PERIOD_PATTERN), { message: 'period must be a month, YYYY-MM' })
  period: string;
}
