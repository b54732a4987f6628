import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ATTEMPTS_MAX, DISPOSITIONS, Disposition, INTERVIEWER_ID_PATTERN, QUESTIONS_MAX_COUNT } from '@cx/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { IsDateTime } from '../date-time';
import { IsSubjectId } from '../subject-id';
import { SurveyAnswerRequest } from '../survey-answer.dto';

/** One call outcome of a vendor's batch: a sampled customer, the disposition and, for an interview, the answers. */
export class VendorResponseRowRequest {
  @ApiProperty({ example: 'subj_7Hq2kLm9Xa', description: 'A customer of the wave’s sample' })
  @IsSubjectId()
  subjectId: string;

  @ApiProperty({ enum: DISPOSITIONS })
  @IsIn(DISPOSITIONS, {
    message: `$property must be one of: ${DISPOSITIONS.join(', ')}`,
    context: { reason: 'unknown_disposition' },
  })
  disposition: Disposition;

  @ApiPropertyOptional({ minimum: 1, maximum: ATTEMPTS_MAX, default: 1, description: 'Calls made on the case so far' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(ATTEMPTS_MAX)
  attempts?: number;

  @ApiProperty({ format: 'date-time', description: 'When the call took place; not in the future' })
  @IsDateTime()
  respondedAt: string;

  @ApiPropertyOptional({ type: [SurveyAnswerRequest], description: 'Complete and partial interviews only' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(QUESTIONS_MAX_COUNT)
  @ValidateNested({ each: true })
  @Type(() => SurveyAnswerRequest)
  answers?: SurveyAnswerRequest[];

  @ApiPropertyOptional({ example: 'vendor-agent-0042', description: 'The vendor’s interviewer id; never a name' })
  @IsOptional()
  @Matches(new RegExp(INTERVIEWER_ID_PATTERN), { message: '$property must be a user id (letters, digits, . _ : @ -)' })
  interviewerId?: string;
}
