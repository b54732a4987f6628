import { DomainError } from '@cx/domain';
import type { InformationAssetStatus } from './information-asset.state';

export class InformationAssetNotFound extends DomainError {
  readonly code = 'INFORMATION_ASSET.NOT_FOUND';
  readonly kind = 'not_found';

  constructor(assetId: string) {
    super(`Information asset ${assetId} does not exist.`, { assetId });
  }
}

/** The command does not apply in the asset's current state (409 naming it). */
export class InformationAssetTransitionNotAllowed extends DomainError {
  readonly code = 'INFORMATION_ASSET.TRANSITION_NOT_ALLOWED';
  readonly kind = 'invalid_state';

  constructor(
    assetId: string,
    command: string,
    currentState: InformationAssetStatus,
    allowedStates: readonly string[],
  ) {
    super(
      `${command} is not allowed while information asset ${assetId} is ${currentState}; it needs one of: ${allowedStates.join(', ')}.`,
      { assetId, command, currentState, allowedStates },
    );
  }
}

/** A business rule about the request itself (422 naming the field and the rule). */
export class InformationAssetRuleViolated extends DomainError {
  readonly code = 'INFORMATION_ASSET.RULE_VIOLATED';
  readonly kind = 'rule_violation';

  constructor(assetId: string, field: string, rule: string) {
    super(`${field}: ${rule}`, { assetId, field, rule });
  }
}
