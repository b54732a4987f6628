import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CONFIDENTIALITY_LEVELS,
  ConfidentialityLevel,
  INFORMATION_CATEGORIES,
  InformationCategory,
} from '@cx/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export class ListInformationAssetsRequest {
  @ApiPropertyOptional({ enum: INFORMATION_CATEGORIES })
  @IsOptional()
  @IsIn(INFORMATION_CATEGORIES)
  category?: InformationCategory;

  @ApiPropertyOptional({ enum: CONFIDENTIALITY_LEVELS })
  @IsOptional()
  @IsIn(CONFIDENTIALITY_LEVELS)
  level?: ConfidentialityLevel;

  @ApiPropertyOptional({ enum: ['active', 'retired'] })
  @IsOptional()
  @IsIn(['active', 'retired'])
  status?: 'active' | 'retired';

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

export class InformationAssetSummaryView {
  @ApiProperty({ format: 'uuid' }) assetId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: INFORMATION_CATEGORIES }) category: string;
  @ApiProperty({ enum: CONFIDENTIALITY_LEVELS }) level: string;
  @ApiProperty() ownerId: string;
  @ApiProperty() handlingRules: string;
  @ApiProperty({ enum: ['active', 'retired'] }) status: string;
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) retiredAt: string | null;
}

export class InformationAssetsPage {
  @ApiProperty({ type: [InformationAssetSummaryView] }) items: InformationAssetSummaryView[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}
