import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACTIVITY_KINDS, ActivityKind } from '@cx/contracts';
import type { CreatedCampaign } from '../../domain/listening-campaign/listening-campaign.state';

export const LISTENING_CAMPAIGN_STATUSES = ['draft', 'open', 'closed'] as const;

/** A listening campaign as the API shows it; `version` is also the ETag. */
export class ListeningCampaignView {
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty({ example: 'Six Ones 2021' }) name: string;
  @ApiProperty({ enum: LISTENING_CAMPAIGN_STATUSES }) status: (typeof LISTENING_CAMPAIGN_STATUSES)[number];
  @ApiProperty({ format: 'date' }) periodStart: string;
  @ApiProperty({ format: 'date', description: 'Inclusive' }) periodEnd: string;
  @ApiProperty({ enum: ACTIVITY_KINDS, isArray: true }) activityKinds: ActivityKind[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiPropertyOptional({ format: 'date-time' }) openedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) closedAt?: string;
  @ApiProperty({ minimum: 1 }) version: number;
}

export function toListeningCampaignView(state: CreatedCampaign, version: number): ListeningCampaignView {
  const { campaignId, name, periodStart, periodEnd, activityKinds, createdAt } = state.details;
  return {
    campaignId,
    name,
    status: state.status,
    periodStart,
    periodEnd,
    activityKinds,
    createdAt,
    ...(state.status !== 'draft' ? { openedAt: state.openedAt } : {}),
    ...(state.status === 'closed' ? { closedAt: state.closedAt } : {}),
    version,
  };
}
