import { callerScope, mayActOn, Principal } from '@cx/auth';
import { DomainError } from '@cx/domain';

/**
 * Regions here are the HR regions of the people on a campaign's roster, and people belong to no project: of a
 * token's scope only its `region:` entries reach anyone (a project-only scope reaches nobody on a roster).
 */
export function mayActForPersonIn(principal: Principal, region: string): boolean {
  return mayActOn(principal, { region });
}

/**
 * Creating, opening and closing a campaign and its disclosures count the whole group: a caller limited to regions
 * may not run them (403 naming its scope), since a scope never widens into the group.
 */
export class GroupWideOperation extends DomainError {
  readonly code = 'LISTENING_CAMPAIGN.GROUP_WIDE_OPERATION';
  readonly kind = 'forbidden';

  constructor(operation: string, scope: string) {
    super(`${operation} concerns the whole group; your token is limited to ${scope}.`, { operation, scope });
  }
}

export function requireGroupWideCaller(principal: Principal, operation: string): void {
  if (callerScope(principal) !== null) throw new GroupWideOperation(operation, principal.scope ?? '');
}
