/** The roles of ARCHITECTURE.md ("Auth"). */
export const ROLES = [
  'agent',
  'manager',
  'ceo_office',
  'reviewer',
  'survey_vendor',
  'hr',
  'campaign_admin',
  'community_staff',
  'interviewer',
  'dpo',
  'bi_reader',
  'auditor',
  'admin',
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
