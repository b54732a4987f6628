import { ApiProperty } from '@nestjs/swagger';
import { SURVEY_STAGES, SurveyStage } from '@cx/contracts';
import { RowRejectionView } from '../row-rejection.view';

export class FrameStratumView {
  @ApiProperty() project: string;
  @ApiProperty({ enum: SURVEY_STAGES }) stage: SurveyStage;
  @ApiProperty() customers: number;
}

/** What a frame upload did, row by row: rows = accepted + rejected; the frame is the accepted rows. */
export class SamplingFrameReport {
  @ApiProperty({ format: 'uuid' }) waveId: string;
  @ApiProperty() rows: number;
  @ApiProperty() accepted: number;
  @ApiProperty() rejected: number;
  @ApiProperty({ type: [RowRejectionView] }) rejections: RowRejectionView[];
  @ApiProperty({ description: 'SHA-256 of the frame as loaded (README, "Sampling")' }) frameDigest: string;
  @ApiProperty({ type: [FrameStratumView] }) strata: FrameStratumView[];
  @ApiProperty({ description: 'The wave’s version after the load; also the ETag' }) version: number;
}
