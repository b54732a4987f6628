import { DomainError } from '@cx/domain';
import type { ListeningCampaignStatus } from './listening-campaign.state';

export class ListeningCampaignNotFound extends DomainError {
  readonly code = 'LISTENING_CAMPAIGN.NOT_FOUND';
  readonly kind = 'not_found';

  constructor(campaignId: string) {
    super(`Listening campaign ${campaignId} does not exist.`, { campaignId });
  }
}

/**
 * The command does not apply in the campaign's current state (409 naming it). Also refuses roster imports and
 * activities, which depend on the campaign's state.
 */
export class ListeningCampaignTransitionNotAllowed extends DomainError {
  readonly code = 'LISTENING_CAMPAIGN.TRANSITION_NOT_ALLOWED';
  readonly kind = 'invalid_state';

  constructor(
    campaignId: string,
    command: string,
    currentState: ListeningCampaignStatus,
    allowedStates: readonly string[],
  ) {
    super(
      `${command} is not allowed while listening campaign ${campaignId} is ${currentState}; it needs one of: ${allowedStates.join(', ')}.`,
      { campaignId, command, currentState, allowedStates },
    );
  }
}

/** A business rule about the request itself (422 naming the field and the rule). */
export class ListeningCampaignRuleViolated extends DomainError {
  readonly code = 'LISTENING_CAMPAIGN.RULE_VIOLATED';
  readonly kind = 'rule_violation';

  constructor(campaignId: string, field: string, rule: string) {
    super(`${field}: ${rule}`, { campaignId, field, rule });
  }
}
