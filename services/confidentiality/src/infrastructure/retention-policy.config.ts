import { readFileSync } from 'node:fs';
import { PERSONAL_DATA_FIELDS } from '@cx/contracts';
import { DEFAULT_RETENTION_POLICY, RetentionPolicy } from '../domain/retention/retention-policy';

export const RETENTION_POLICY = Symbol('RETENTION_POLICY');

/**
 * The retention policy: the defaults, or `RETENTION_POLICY_FILE` (JSON, `{ "months": { "<category>": n } }`, any
 * subset of the categories). A policy that cannot work (an unknown category, months not a positive whole number)
 * stops the start with every problem listed.
 */
export function loadRetentionPolicy(env: NodeJS.ProcessEnv = process.env): RetentionPolicy {
  if (!env.RETENTION_POLICY_FILE) return DEFAULT_RETENTION_POLICY;
  const overrides = JSON.parse(readFileSync(env.RETENTION_POLICY_FILE, 'utf8')) as { months?: Record<string, unknown> };
  const problems: string[] = [];
  for (const [category, months] of Object.entries(overrides.months ?? {})) {
    if (!(PERSONAL_DATA_FIELDS as readonly string[]).includes(category)) {
      problems.push(`months.${category} is not a category of personal data (${PERSONAL_DATA_FIELDS.join(', ')})`);
    } else if (!(Number.isInteger(months) && (months as number) > 0)) {
      problems.push(`months.${category} must be a positive whole number of months`);
    }
  }
  if (problems.length > 0) {
    throw new Error(`Retention policy ${env.RETENTION_POLICY_FILE} is not usable:\n- ${problems.join('\n- ')}`);
  }
  return { months: { ...DEFAULT_RETENTION_POLICY.months, ...(overrides.months as RetentionPolicy['months']) } };
}
