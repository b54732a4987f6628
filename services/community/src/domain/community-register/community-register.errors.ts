import { DomainError } from '@cx/domain';

/** A business rule about the request itself (422 naming the field and the rule). */
export class CommunityRegisterRuleViolated extends DomainError {
  readonly code = 'COMMUNITY_REGISTER.RULE_VIOLATED';
  readonly kind = 'rule_violation';

  constructor(community: string, field: string, rule: string) {
    super(`${field}: ${rule}`, { community, field, rule });
  }
}
