import { ApiProperty } from '@nestjs/swagger';
import { CONFIDENTIALITY_LEVELS, INFORMATION_CATEGORIES } from '@cx/contracts';
import type { InformationAssetState } from '../../domain/information-asset/information-asset.state';

export class ReclassificationView {
  @ApiProperty({ enum: CONFIDENTIALITY_LEVELS }) fromLevel: string;
  @ApiProperty({ enum: CONFIDENTIALITY_LEVELS }) toLevel: string;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time' }) reclassifiedAt: string;
}

/** An asset of the register with its classification and history; `version` is also the ETag. */
export class InformationAssetView {
  @ApiProperty({ format: 'uuid' }) assetId: string;
  @ApiProperty({ enum: ['active', 'retired'] }) status: 'active' | 'retired';
  @ApiProperty() name: string;
  @ApiProperty({ enum: INFORMATION_CATEGORIES }) category: string;
  @ApiProperty({ enum: CONFIDENTIALITY_LEVELS, description: 'The label the asset carries' }) level: string;
  @ApiProperty({ description: 'User id of the accountable owner' }) ownerId: string;
  @ApiProperty() handlingRules: string;
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
  @ApiProperty({ type: [ReclassificationView], description: 'Oldest first' })
  reclassifications: ReclassificationView[];
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) retiredAt: string | null;
  @ApiProperty({ nullable: true, type: String }) retirementReason: string | null;
  @ApiProperty({ minimum: 1 }) version: number;
}

export function toInformationAssetView(
  state: Exclude<InformationAssetState, { status: 'not_registered' }>,
  version: number,
): InformationAssetView {
  return {
    assetId: state.assetId,
    status: state.status,
    name: state.name,
    category: state.category,
    level: state.level,
    ownerId: state.ownerId,
    handlingRules: state.handlingRules,
    registeredAt: state.registeredAt,
    reclassifications: state.reclassifications,
    retiredAt: state.status === 'retired' ? state.retiredAt : null,
    retirementReason: state.status === 'retired' ? state.retirementReason : null,
    version,
  };
}
