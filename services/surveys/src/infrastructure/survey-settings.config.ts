export const SURVEY_SETTINGS = Symbol('SURVEY_SETTINGS');

export interface SurveySettings {
  /** A wave's contact fatigue unless its plan says otherwise: months in which a complete rules a customer out. */
  fatigueMonths: number;
  /** How long a survey link stays valid unless its issue says otherwise. */
  linkValidForHours: number;
}

/**
 * From `SURVEY_FATIGUE_MONTHS` (default 6) and `SURVEY_LINK_VALID_HOURS` (default 72). A value that is not a
 * whole number in range stops the start.
 */
export function loadSurveySettings(env: NodeJS.ProcessEnv = process.env): SurveySettings {
  return {
    fatigueMonths: wholeNumber(env, 'SURVEY_FATIGUE_MONTHS', 6, 0, 36),
    linkValidForHours: wholeNumber(env, 'SURVEY_LINK_VALID_HOURS', 72, 1, 720),
  };
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  }
  return value;
}
