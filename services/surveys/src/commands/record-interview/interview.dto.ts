import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ATTEMPTS_MAX, DISPOSITIONS, Disposition, QUESTIONS_MAX_COUNT } from '@cx/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { IsDateTime } from '../date-time';
import { IsOrgCode } from '../org-code';
import { IsSubjectId } from '../subject-id';
import { SurveyAnswerRequest } from '../survey-answer.dto';

/** Where an intercept interview took place: a commercial project's site. */
export class InterceptSiteRequest {
  @ApiProperty({ example: 'SZ-MIXC-01' }) @IsOrgCode() project: string;
  @ApiProperty({ example: 'south-china' }) @IsOrgCode() region: string;
}

/**
 * An interview in person: with a sampled customer (a merchant, say), named by subject id, or an intercept of
 * a consumer at a commercial site, who is not in the sample and is named by nobody.
 */
export class InterviewRequest {
  @ApiPropertyOptional({ example: 'subj_7Hq2kLm9Xa', description: 'The sampled customer; absent for an intercept' })
  @IsOptional()
  @IsSubjectId()
  subjectId?: string;

  @ApiPropertyOptional({ type: InterceptSiteRequest, description: 'For an intercept: where; absent otherwise' })
  @IsOptional()
  @ValidateNested()
  @Type(() => InterceptSiteRequest)
  site?: InterceptSiteRequest;

  @ApiProperty({ enum: DISPOSITIONS }) @IsIn(DISPOSITIONS) disposition: Disposition;

  @ApiPropertyOptional({ minimum: 1, maximum: ATTEMPTS_MAX, default: 1, description: 'Visits made on the case so far' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(ATTEMPTS_MAX)
  attempts?: number;

  @ApiProperty({ format: 'date-time', description: 'When the interview took place; not in the future' })
  @IsDateTime()
  respondedAt: string;

  @ApiPropertyOptional({ type: [SurveyAnswerRequest], description: 'Complete and partial interviews only' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(QUESTIONS_MAX_COUNT)
  @ValidateNested({ each: true })
  @Type(() => SurveyAnswerRequest)
  answers?: SurveyAnswerRequest[];
}
