import { DomainError } from '@cx/domain';

export class CampaignNotFound extends DomainError {
  readonly code = 'REPORT.CAMPAIGN_NOT_FOUND';
  readonly kind = 'not_found';

  constructor(campaignId: string) {
    super(`No listening campaign ${campaignId} has reached the reports.`, { campaignId });
  }
}
