import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SAMPLING_SEED_PATTERN, SAMPLING_STRATA_MAX_COUNT, SURVEY_STAGES, SurveyStage } from '@cx/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsOrgCode } from '../org-code';

export const QUOTA_MAX_SIZE = 100_000;

export class SamplingQuotaRequest {
  @ApiProperty({ example: 'SH-PUDONG-07' }) @IsOrgCode() project: string;
  @ApiProperty({ enum: SURVEY_STAGES }) @IsIn(SURVEY_STAGES) stage: SurveyStage;

  @ApiProperty({ minimum: 1, maximum: QUOTA_MAX_SIZE, description: 'Customers to draw; all there are when fewer' })
  @IsInt()
  @Min(1)
  @Max(QUOTA_MAX_SIZE)
  size: number;
}

export class DrawSampleRequest {
  @ApiPropertyOptional({
    example: '7f3a9c01d2e4b5a6',
    description: 'Recorded with the draw; a random one when absent. The same frame and seed draw the same sample',
  })
  @IsOptional()
  @Matches(new RegExp(SAMPLING_SEED_PATTERN), { message: '$property must be 1-64 letters, digits, _ or -' })
  seed?: string;

  @ApiProperty({ type: [SamplingQuotaRequest], description: 'One per project and stage to survey' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SAMPLING_STRATA_MAX_COUNT)
  @ValidateNested({ each: true })
  @Type(() => SamplingQuotaRequest)
  quotas: SamplingQuotaRequest[];
}
