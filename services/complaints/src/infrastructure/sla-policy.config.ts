import { readFileSync } from 'node:fs';
import { COMPLAINT_CATEGORIES, COMPLAINT_SEVERITIES, SLA_TARGETS } from '@cx/contracts';
import { DEFAULT_SLA_POLICY, SlaPolicy } from '../domain/sla/sla-policy';

export const SLA_POLICY = Symbol('SLA_POLICY');

/**
 * The SLA policy: the defaults, or `SLA_POLICY_FILE` (JSON, any subset of the policy's fields, e.g. the year's
 * public holidays). A policy that cannot work (missing or non-positive targets, bad hours) stops the start.
 */
export function loadSlaPolicy(env: NodeJS.ProcessEnv = process.env): SlaPolicy {
  if (!env.SLA_POLICY_FILE) return DEFAULT_SLA_POLICY;
  const overrides = JSON.parse(readFileSync(env.SLA_POLICY_FILE, 'utf8')) as Partial<SlaPolicy>;
  const policy: SlaPolicy = {
    ...DEFAULT_SLA_POLICY,
    ...overrides,
    targets: { ...DEFAULT_SLA_POLICY.targets, ...overrides.targets },
    hoursMode: { ...DEFAULT_SLA_POLICY.hoursMode, ...overrides.hoursMode },
    calendar: { ...DEFAULT_SLA_POLICY.calendar, ...overrides.calendar },
  };
  return validated(policy, env.SLA_POLICY_FILE);
}

function validated(policy: SlaPolicy, source: string): SlaPolicy {
  const problems: string[] = [];
  for (const severity of COMPLAINT_SEVERITIES) {
    for (const target of SLA_TARGETS) {
      const hours = policy.targets[severity]?.[target];
      if (!(typeof hours === 'number' && hours > 0))
        problems.push(`targets.${severity}.${target} must be a positive number of hours`);
    }
  }
  for (const category of COMPLAINT_CATEGORIES) {
    if (!['business', 'calendar'].includes(policy.hoursMode[category]))
      problems.push(`hoursMode.${category} must be business or calendar`);
  }
  const { dayStart, dayEnd, workdays, holidays } = policy.calendar;
  if (!/^\d{2}:\d{2}$/.test(dayStart) || !/^\d{2}:\d{2}$/.test(dayEnd) || dayStart >= dayEnd) {
    problems.push('calendar.dayStart and dayEnd must be HH:MM with dayStart before dayEnd');
  }
  if (
    !Array.isArray(workdays) ||
    workdays.length === 0 ||
    workdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)
  ) {
    problems.push('calendar.workdays must list ISO weekdays 1-7');
  }
  if (!Array.isArray(holidays) || holidays.some((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d)))
    problems.push('calendar.holidays must be YYYY-MM-DD dates');
  if (!(policy.atRiskShare > 0 && policy.atRiskShare < 1)) problems.push('atRiskShare must be between 0 and 1');
  if (problems.length > 0) throw new Error(`SLA policy ${source} is not usable:\n- ${problems.join('\n- ')}`);
  return policy;
}
