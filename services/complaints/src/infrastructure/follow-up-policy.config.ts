import { DEFAULT_FOLLOW_UP_POLICY, FollowUpPolicy } from '../domain/survey-follow-up/survey-follow-up';

/**
 * From `SURVEY_FOLLOW_UP_MAX_RATING_1_5` (default 2) and `SURVEY_FOLLOW_UP_MAX_RATING_0_10` (default 4): a
 * complaint-handling rating at or below them is followed up. A value off its scale stops the start.
 */
export function loadFollowUpPolicy(env: NodeJS.ProcessEnv = process.env): FollowUpPolicy {
  return {
    maxRating1to5: rating(env, 'SURVEY_FOLLOW_UP_MAX_RATING_1_5', DEFAULT_FOLLOW_UP_POLICY.maxRating1to5, 1, 5),
    maxRating0to10: rating(env, 'SURVEY_FOLLOW_UP_MAX_RATING_0_10', DEFAULT_FOLLOW_UP_POLICY.maxRating0to10, 0, 10),
  };
}

function rating(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  }
  return value;
}
