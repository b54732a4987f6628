import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ORG_CODE_PATTERN } from '@cx/contracts';
import { IsISO8601, IsOptional, Matches } from 'class-validator';

export class GetCeoSummaryRequest {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Start of the period (inclusive); default: 30 days before `to`',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 timestamp' })
  from?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'End of the period (exclusive), not in the future; default: now',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 timestamp' })
  to?: string;

  @ApiPropertyOptional({ example: 'east-china' })
  @IsOptional()
  @Matches(new RegExp(ORG_CODE_PATTERN), { message: 'region must be a region code' })
  region?: string;
}

export class RateView {
  @ApiProperty({ description: 'Cases that count for the rate' }) count: number;
  @ApiProperty({ description: 'The cases it is a share of' }) of: number;
  @ApiProperty({ nullable: true, type: Number, description: 'count / of, unrounded; null when of = 0' })
  rate: number | null;
}

export class SlaAttainmentView {
  @ApiProperty({ type: RateView, description: 'Met on time, of met on time plus breached' }) acknowledgement: RateView;
  @ApiProperty({ type: RateView }) first_response: RateView;
  @ApiProperty({ type: RateView }) resolution: RateView;
}

export class OpenComplaintsView {
  @ApiProperty() total: number;
  @ApiProperty({ description: 'Open complaints per escalation level' }) byLevel: Record<string, number>;
  @ApiProperty() byRegion: Record<string, number>;
  @ApiProperty() byCategory: Record<string, number>;
  @ApiProperty() bySeverity: Record<string, number>;
}

export class CeoSummaryView {
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ApiProperty({ nullable: true, type: String }) region: string | null;
  @ApiProperty({ type: OpenComplaintsView, description: 'Complaints open now (not limited to the period)' })
  open: OpenComplaintsView;
  @ApiProperty({ description: 'SLA breaches since the start of today, Beijing time' }) breachesToday: number;
  @ApiProperty({ description: 'SLA breaches since Monday 00:00, Beijing time' }) breachesThisWeek: number;
  @ApiProperty() received: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Hours from filing, first responses in the period' })
  medianHoursToFirstResponse: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Hours from filing, resolutions in the period' })
  medianHoursToResolution: number | null;
  @ApiProperty({ type: SlaAttainmentView }) slaAttainment: SlaAttainmentView;
  @ApiProperty({ type: RateView, description: 'Complaints reopened, of complaints resolved, in the period' })
  reopenRate: RateView;
  @ApiProperty({ nullable: true, type: Number, description: 'Average hand-offs of complaints filed in the period' })
  handOffsPerComplaint: number | null;
  @ApiProperty({ type: RateView, description: 'Repeat complaints, of complaints filed in the period' })
  repeatComplaints: RateView;
  @ApiProperty({ nullable: true, type: Number, description: 'Average satisfaction (1-5) of closures in the period' })
  satisfactionAverage: number | null;
  @ApiProperty() satisfactionResponses: number;
}
