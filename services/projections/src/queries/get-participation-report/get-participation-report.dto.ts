import { ApiProperty } from '@nestjs/swagger';
import { ROSTER_SEGMENTS } from '@cx/contracts';
import { IsUUID } from 'class-validator';

export class GetParticipationReportRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'campaignId must be a campaign id (uuid)' })
  campaignId: string;
}

export class ParticipationRateView {
  @ApiProperty() eligible: number;
  @ApiProperty() participants: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'participants / eligible, unrounded; null if none eligible',
  })
  rate: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'The rate in percent, one decimal place, for display' })
  ratePercent: string | null;
}

/** One figure for everybody and one per segment. */
export class SegmentedRatesView {
  @ApiProperty({ type: ParticipationRateView }) all: ParticipationRateView;
  @ApiProperty({ type: ParticipationRateView }) employee: ParticipationRateView;
  @ApiProperty({ type: ParticipationRateView }) management: ParticipationRateView;
}

export class DimensionRatesView extends SegmentedRatesView {
  @ApiProperty({ description: 'The department or region' }) value: string;
}

export class WeeklyRatesView extends SegmentedRatesView {
  @ApiProperty({ format: 'date', description: 'Monday' }) weekStart: string;
  @ApiProperty({ format: 'date', description: 'Sunday, or the last day of the campaign' }) weekEnd: string;
}

export class EligibilityRuleView {
  @ApiProperty({ example: 'employment_overlaps_period' }) id: string;
  @ApiProperty() description: string;
}

export class ProblemStatsView {
  @ApiProperty({ description: 'A problem category, or "all"' }) category: string;
  @ApiProperty() problems: number;
  @ApiProperty() open: number;
  @ApiProperty() closed: number;
  @ApiProperty({ description: 'Open and due before today (Beijing time)' }) overdue: number;
  @ApiProperty({ description: 'Linked to a complaint or a typical-case review' }) linked: number;
  @ApiProperty() actions: number;
  @ApiProperty() actionsVerified: number;
  @ApiProperty({ description: 'Not verified and due before today' }) actionsOverdue: number;
}

export class ParticipationReportView {
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date' }) periodStart: string;
  @ApiProperty({ format: 'date' }) periodEnd: string;
  @ApiProperty({ enum: ['draft', 'open', 'closed'] }) status: string;
  @ApiProperty({ enum: ROSTER_SEGMENTS, isArray: true }) segments: readonly string[];
  @ApiProperty({ type: EligibilityRuleView }) eligibilityRule: EligibilityRuleView;
  @ApiProperty({ type: SegmentedRatesView }) overall: SegmentedRatesView;
  @ApiProperty({ type: [DimensionRatesView] }) byDepartment: DimensionRatesView[];
  @ApiProperty({ type: [DimensionRatesView] }) byRegion: DimensionRatesView[];
  @ApiProperty({ type: [WeeklyRatesView], description: 'Cumulative: eligible so far, participants so far' })
  weekly: WeeklyRatesView[];
  @ApiProperty({ type: [ProblemStatsView], description: 'Problems the campaign found: "all" first, then by category' })
  problems: ProblemStatsView[];
}
