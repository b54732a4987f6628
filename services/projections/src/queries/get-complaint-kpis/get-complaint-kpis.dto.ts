import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ORG_CODE_PATTERN } from '@cx/contracts';
import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { RateView } from '../get-ceo-summary/get-ceo-summary.dto';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class GetComplaintKpisRequest {
  @ApiPropertyOptional({ format: 'date', description: 'First day (Beijing time); default: 29 days before `to`' })
  @IsOptional()
  @Matches(DAY, { message: 'from must be a day, YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'from must be a day that exists' })
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Last day, included (Beijing time); default: today' })
  @IsOptional()
  @Matches(DAY, { message: 'to must be a day, YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'to must be a day that exists' })
  to?: string;

  @ApiPropertyOptional({ example: 'east-china' })
  @IsOptional()
  @Matches(new RegExp(ORG_CODE_PATTERN), { message: 'region must be a region code' })
  region?: string;
}

export class DailyKpisView {
  @ApiProperty({ format: 'date' }) day: string;
  @ApiProperty() received: number;
  @ApiProperty() resolved: number;
  @ApiProperty({ nullable: true, type: Number, description: "Median hours from filing, over the day's resolutions" })
  medianHoursToResolution: number | null;
}

export class RegionAttainmentView {
  @ApiProperty() region: string;
  @ApiProperty({ type: RateView }) acknowledgement: RateView;
  @ApiProperty({ type: RateView }) first_response: RateView;
  @ApiProperty({ type: RateView }) resolution: RateView;
}

export class ComplaintKpisView {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ nullable: true, type: String }) region: string | null;
  @ApiProperty({ type: [DailyKpisView], description: 'Every day of the period, oldest first, zeros included' })
  days: DailyKpisView[];
  @ApiProperty({ nullable: true, type: Number, description: 'Median hours from filing over the period' })
  medianHoursToResolution: number | null;
  @ApiProperty({ type: [RegionAttainmentView], description: 'SLA attainment per region, as in the CEO summary' })
  slaAttainmentByRegion: RegionAttainmentView[];
}
