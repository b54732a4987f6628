import { ApiProperty } from '@nestjs/swagger';
import { ACTIVITY_KINDS, ActivityKind } from '@cx/contracts';

/** A recorded participation activity, as its event has it. */
export class ParticipationActivityView {
  @ApiProperty({ format: 'uuid' }) activityId: string;
  @ApiProperty({ format: 'uuid', description: 'The request that recorded it (its stream)' }) submissionId: string;
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty() personId: string;
  @ApiProperty({ enum: ACTIVITY_KINDS }) kind: ActivityKind;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty() customersMet: number;
  @ApiProperty() scenario: string;
  @ApiProperty({ type: [String] }) findings: string[];
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}
