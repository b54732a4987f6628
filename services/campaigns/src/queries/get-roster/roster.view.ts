import { ApiProperty } from '@nestjs/swagger';
import { ROSTER_SEGMENTS, RosterSegment } from '@cx/contracts';

export class RosterSegmentView {
  @ApiProperty({ enum: ROSTER_SEGMENTS }) segment: RosterSegment;
  @ApiProperty({ description: 'People on the roster in this segment' }) people: number;
  @ApiProperty({ description: 'Of them, those eligible for the campaign period (README, "Eligibility")' })
  eligible: number;
}

/** A campaign's roster in numbers (no names); `version` is the roster's, also its ETag. */
export class RosterView {
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty() people: number;
  @ApiProperty({ type: [RosterSegmentView] }) segments: RosterSegmentView[];
  @ApiProperty({ minimum: 0, description: '0 until the first import' }) version: number;
}
