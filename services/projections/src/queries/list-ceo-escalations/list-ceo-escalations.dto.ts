import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COMPLAINT_CATEGORIES, COMPLAINT_CHANNELS, COMPLAINT_SEVERITIES, ORG_CODE_PATTERN } from '@cx/contracts';
import { Type } from 'class-transformer';
import { IsISO8601, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class ListCeoEscalationsRequest {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Answer what the view showed at this moment (not in the future); default: now',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'asOf must be an ISO 8601 timestamp' })
  asOf?: string;

  @ApiPropertyOptional({ example: 'east-china' })
  @IsOptional()
  @Matches(new RegExp(ORG_CODE_PATTERN), { message: 'region must be a region code' })
  region?: string;

  @ApiPropertyOptional({ example: 'SH-PUDONG-07' })
  @IsOptional()
  @Matches(new RegExp(ORG_CODE_PATTERN), { message: 'project must be a project code' })
  project?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 100;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset = 0;
}

export class EscalationStepView {
  @ApiProperty() level: string;
  @ApiProperty({ format: 'date-time' }) reachedAt: string;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
}

export class CeoEscalationView {
  @ApiProperty({ format: 'uuid' }) complaintId: string;
  @ApiProperty() project: string;
  @ApiProperty() region: string;
  @ApiProperty({ enum: COMPLAINT_CATEGORIES }) category: string;
  @ApiProperty({ enum: COMPLAINT_SEVERITIES }) severity: string;
  @ApiProperty({ enum: COMPLAINT_CHANNELS }) channel: string;
  @ApiProperty({ format: 'date-time' }) filedAt: string;
  @ApiProperty({ format: 'date-time' }) reachedCeoOfficeAt: string;
  @ApiProperty({ description: 'Seconds from filing to now (or to asOf)' }) ageSeconds: number;
  @ApiProperty({ type: [EscalationStepView] }) escalationTrail: EscalationStepView[];
  @ApiProperty({ enum: ['on_time', 'at_risk', 'breached'] }) slaState: string;
  @ApiProperty({ description: 'Times responsibility moved; fewer is flatter' }) handOffs: number;
  @ApiProperty({ description: 'Same customer and category within the 90 days before' }) repeatComplaint: boolean;
}

export class CeoEscalationsPage {
  @ApiProperty({ format: 'date-time', description: 'The moment the page describes' }) asOf: string;
  @ApiProperty({ type: [CeoEscalationView] }) items: CeoEscalationView[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}
