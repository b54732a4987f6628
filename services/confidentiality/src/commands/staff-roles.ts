import type { Role } from '@cx/auth';

/**
 * Staff whose work may need a customer's personal data in clear: they ask for access, and read under a grant.
 * Not roles that work on employees (hr, campaign_admin, interviewer), third parties (survey_vendor), reporting
 * (bi_reader) or assurance (auditor).
 */
export const GRANT_HOLDER_ROLES: Role[] = [
  'agent',
  'manager',
  'ceo_office',
  'reviewer',
  'community_staff',
  'dpo',
  'admin',
];

/** A user id as tokens carry it (`sub`). */
export const USER_ID_PATTERN = /^[A-Za-z0-9._:@-]{1,128}$/;
