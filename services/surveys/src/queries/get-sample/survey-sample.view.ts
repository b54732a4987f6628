import { ApiProperty } from '@nestjs/swagger';
import { SURVEY_STAGES, SurveyStage } from '@cx/contracts';

export class SampleMemberView {
  @ApiProperty({ example: 'subj_7Hq2kLm9Xa' }) subjectId: string;
  @ApiProperty() project: string;
  @ApiProperty() region: string;
  @ApiProperty({ enum: SURVEY_STAGES }) stage: SurveyStage;
}

/** The customers to survey, by subject id, stratum by stratum in draw order: the vendor calls through it. */
export class SurveySampleView {
  @ApiProperty({ format: 'uuid' }) waveId: string;
  @ApiProperty() sampleSize: number;
  @ApiProperty() sampleDigest: string;
  @ApiProperty({ type: [SampleMemberView] }) members: SampleMemberView[];
  @ApiProperty({ description: 'The wave’s version; also the ETag' }) version: number;
}
