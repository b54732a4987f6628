import { ApiProperty } from '@nestjs/swagger';

export class RecordedAndRecomputedView {
  @ApiProperty({ description: 'As the SurveySampleDrawn event recorded it' }) recorded: string;
  @ApiProperty({ description: 'From the stored frame, now' }) recomputed: string;
}

/**
 * The draw redone from the stored frame, the recorded seed and quotas and the recorded fatigue exclusions, beside
 * what the draw recorded: `matches` when every digest and every drawn customer, in order, agree.
 */
export class SampleReproductionView {
  @ApiProperty({ format: 'uuid' }) waveId: string;
  @ApiProperty() algorithm: string;
  @ApiProperty() seed: string;
  @ApiProperty({ type: RecordedAndRecomputedView }) frameDigest: RecordedAndRecomputedView;
  @ApiProperty({ type: RecordedAndRecomputedView }) fatigueDigest: RecordedAndRecomputedView;
  @ApiProperty({ type: RecordedAndRecomputedView }) sampleDigest: RecordedAndRecomputedView;
  @ApiProperty() sampleSize: number;
  @ApiProperty() matches: boolean;
}
