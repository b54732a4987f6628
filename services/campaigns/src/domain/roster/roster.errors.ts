import { DomainError } from '@cx/domain';

/** An import breaks a rule of the roster itself (422 naming the field, the person and the rule). */
export class RosterRuleViolated extends DomainError {
  readonly code = 'ROSTER.RULE_VIOLATED';
  readonly kind = 'rule_violation';

  constructor(campaignId: string, personId: string, field: string, rule: string) {
    super(`${field} of ${personId}: ${rule}`, { campaignId, personId, field, rule });
  }
}
