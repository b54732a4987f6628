import { DomainError } from '@cx/domain';

export class ParticipationDisclosureAlreadyFrozen extends DomainError {
  readonly code = 'PARTICIPATION_DISCLOSURE.ALREADY_FROZEN';
  readonly kind = 'invalid_state';

  constructor(disclosureId: string) {
    super(`Disclosure ${disclosureId} is frozen: a new count is a new disclosure.`, { disclosureId });
  }
}

export class ParticipationDisclosureNotFound extends DomainError {
  readonly code = 'PARTICIPATION_DISCLOSURE.NOT_FOUND';
  readonly kind = 'not_found';

  constructor(campaignId: string, disclosureId: string) {
    super(`Campaign ${campaignId} has no disclosure ${disclosureId}.`, { campaignId, disclosureId });
  }
}
