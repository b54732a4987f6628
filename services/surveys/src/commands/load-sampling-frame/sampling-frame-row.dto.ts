import { ApiProperty } from '@nestjs/swagger';
import { SURVEY_STAGES, SurveyStage } from '@cx/contracts';
import { IsIn } from 'class-validator';
import { IsOrgCode } from '../org-code';
import { IsSubjectId } from '../subject-id';

/** One customer of a sampling frame: who (subject id only), where and in which stage. */
export class SamplingFrameRowRequest {
  @ApiProperty({ example: 'subj_7Hq2kLm9Xa', description: 'Subject id from the confidentiality vault' })
  @IsSubjectId()
  subjectId: string;

  @ApiProperty({ example: 'SH-PUDONG-07' }) @IsOrgCode() project: string;
  @ApiProperty({ example: 'east-china' }) @IsOrgCode() region: string;

  @ApiProperty({ enum: SURVEY_STAGES, description: 'A stage of the wave’s project type' })
  @IsIn(SURVEY_STAGES, {
    message: `$property must be one of: ${SURVEY_STAGES.join(', ')}`,
    context: { reason: 'unknown_stage' },
  })
  stage: SurveyStage;
}
