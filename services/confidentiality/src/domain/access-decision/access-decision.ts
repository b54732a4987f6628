import type { AccessDenialReason, AccessPurpose, ConfidentialityLevel, PersonalDataField } from '@cx/contracts';
import { levelCovers, levelOf } from '../classification';
import { GrantOnRecord, statusAt } from '../access-grant/access-grant.state';

/** An unmasked read someone asks for: who (their user id and roles), whose data, which categories, why. */
export interface AccessRequest {
  subjectId: string;
  requestedBy: string;
  roles: readonly string[];
  purpose: AccessPurpose;
  fields: readonly PersonalDataField[];
}

export type AccessDecision =
  | { decision: 'allowed'; grantId: string; level: ConfidentialityLevel }
  | { decision: 'denied'; reason: AccessDenialReason; grantId: string | null };

/** Why a grant that fits the request does not apply, by where it stands; a rejected request is no grant. */
const NOT_APPLYING: Partial<Record<GrantOnRecord['status'], AccessDenialReason>> = {
  requested: 'grant_pending',
  expired: 'grant_expired',
  revoked: 'grant_revoked',
};

/**
 * ISO/IEC 27001:2022 5.15: an unmasked read needs an approved grant, not past its expiry, held by the caller (as
 * a user or through a role), for customer personal information (all of it, or this subject's) at the level of the
 * categories asked for, for the purpose given. A refusal names the most useful reason: a grant that would fit but
 * is pending, expired or revoked (the latest first), then an active one at too low a level or for another purpose.
 */
export function decideAccess(request: AccessRequest, grants: readonly GrantOnRecord[], now: Date): AccessDecision {
  const level = levelOf(request.fields);
  const held = grants
    .filter((g) => holds(g, request) && g.scope.category === 'customer_personal_information')
    .filter((g) => g.scope.subjectId === null || g.scope.subjectId === request.subjectId)
    .sort((a, b) => b.expiresAt.localeCompare(a.expiresAt) || a.grantId.localeCompare(b.grantId));
  const fits = (g: GrantOnRecord) => g.purpose === request.purpose && levelCovers(g.scope.level, level);
  const active = held.filter((g) => statusAt(g, now) === 'approved');

  const allowing = active.find(fits);
  if (allowing) return { decision: 'allowed', grantId: allowing.grantId, level };
  for (const grant of held.filter(fits)) {
    const reason = NOT_APPLYING[statusAt(grant, now)];
    if (reason) return { decision: 'denied', reason, grantId: grant.grantId };
  }
  const tooLow = active.find((g) => g.purpose === request.purpose);
  if (tooLow) return { decision: 'denied', reason: 'level_not_granted', grantId: tooLow.grantId };
  const otherPurpose = active[0];
  if (otherPurpose) return { decision: 'denied', reason: 'purpose_not_granted', grantId: otherPurpose.grantId };
  return { decision: 'denied', reason: 'no_grant', grantId: null };
}

function holds(grant: GrantOnRecord, request: AccessRequest): boolean {
  return grant.grantee.type === 'user'
    ? grant.grantee.id === request.requestedBy
    : request.roles.includes(grant.grantee.id);
}
