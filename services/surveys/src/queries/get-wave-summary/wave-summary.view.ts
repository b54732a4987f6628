import { ApiProperty } from '@nestjs/swagger';
import { PROJECT_TYPES, ProjectType, SURVEY_STAGES, SurveyStage } from '@cx/contracts';
import { SURVEY_WAVE_STATUSES } from '../get-wave/survey-wave.view';

export class DispositionCountsView {
  @ApiProperty() sampled: number;
  @ApiProperty() complete: number;
  @ApiProperty() partial: number;
  @ApiProperty() refusal: number;
  @ApiProperty() nonContact: number;
  @ApiProperty() ineligible: number;
  @ApiProperty({ description: 'No outcome recorded yet: eligibility unknown' }) notAttempted: number;
  @ApiProperty({ description: 'Contact attempts reported (calls made); not what the rate divides by' })
  attempts: number;
}

export class ResponseRateView {
  @ApiProperty({ example: 'AAPOR RR1' }) definition: 'AAPOR RR1';
  @ApiProperty({ nullable: true, type: Number, example: 0.3333, description: 'completes / eligibleOrUnknown' })
  rate: number | null;
  @ApiProperty() completes: number;
  @ApiProperty({ description: 'Sampled cases not found ineligible' }) eligibleOrUnknown: number;
}

export class StratumSummaryView {
  @ApiProperty() project: string;
  @ApiProperty({ enum: SURVEY_STAGES }) stage: SurveyStage;
  @ApiProperty({ type: DispositionCountsView }) dispositions: DispositionCountsView;
  @ApiProperty({ type: ResponseRateView }) responseRate: ResponseRateView;
}

export class InterceptCountsView {
  @ApiProperty() complete: number;
  @ApiProperty() partial: number;
  @ApiProperty() refusal: number;
}

/** A wave's fieldwork in numbers: every sampled case by its latest disposition, and the response rate. */
export class WaveSummaryView {
  @ApiProperty({ format: 'uuid' }) waveId: string;
  @ApiProperty() period: string;
  @ApiProperty({ enum: PROJECT_TYPES }) projectType: ProjectType;
  @ApiProperty({ enum: SURVEY_WAVE_STATUSES }) status: (typeof SURVEY_WAVE_STATUSES)[number];
  @ApiProperty({ type: DispositionCountsView }) dispositions: DispositionCountsView;
  @ApiProperty({ type: ResponseRateView }) responseRate: ResponseRateView;
  @ApiProperty({ type: [StratumSummaryView] }) strata: StratumSummaryView[];
  @ApiProperty({ type: InterceptCountsView, description: 'Intercept interviews: outside the sample and the rate' })
  intercepts: InterceptCountsView;
  @ApiProperty({ description: 'The wave’s version; also the ETag' }) version: number;
}
