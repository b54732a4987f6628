/** The survey vocabulary shared by the surveys service, its consumers (the satisfaction reports) and its API. */

/** Residential projects are surveyed by telephone; commercial ones face to face, by intercept and by SMS. */
export const PROJECT_TYPES = ['residential', 'commercial'] as const;
export type ProjectType = (typeof PROJECT_TYPES)[number];

export const RESIDENTIAL_STAGES = ['contract_signing', 'delivery', 'post_delivery'] as const;
export const COMMERCIAL_STAGES = ['merchant', 'consumer', 'member'] as const;
/** Where a customer stands with the project: a stage of the home buyer's journey, or a commercial role. */
export const SURVEY_STAGES = [...RESIDENTIAL_STAGES, ...COMMERCIAL_STAGES] as const;
export type SurveyStage = (typeof SURVEY_STAGES)[number];

export const STAGES_BY_PROJECT_TYPE: Readonly<Record<ProjectType, readonly SurveyStage[]>> = {
  residential: RESIDENTIAL_STAGES,
  commercial: COMMERCIAL_STAGES,
};

/** What a question measures; satisfaction indices and appraisal scorecards are built per dimension. */
export const SURVEY_DIMENSIONS = [
  'overall',
  'sales_service',
  'delivery_service',
  'housing_quality',
  'complaint_handling',
  'qa_maintenance',
  'property_services',
  'commercial_operations',
  'shopping_environment',
  'member_services',
] as const;
export type SurveyDimension = (typeof SURVEY_DIMENSIONS)[number];

export const QUESTION_TYPES = ['rating_1_5', 'rating_0_10', 'single_choice', 'yes_no', 'free_text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
/** The answers that travel in events: every type but free text, which may hold personal data. */
export const EVENT_ANSWER_TYPES = ['rating_1_5', 'rating_0_10', 'single_choice', 'yes_no'] as const;

export const RATING_SCALES = {
  rating_1_5: { min: 1, max: 5 },
  rating_0_10: { min: 0, max: 10 },
} as const;

/**
 * Final dispositions of a sampled case (AAPOR Standard Definitions): an interview complete or partial, a
 * refusal, a non-contact after a number of attempts, or the customer found ineligible.
 */
export const DISPOSITIONS = ['complete', 'partial', 'refusal', 'non_contact', 'ineligible'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** How a response came in: the vendor's telephone calls, interviews in person, intercepts, single-use links. */
export const RESPONSE_CHANNELS = ['phone', 'face_to_face', 'intercept', 'survey_link'] as const;
export type ResponseChannel = (typeof RESPONSE_CHANNELS)[number];

/** A question's or a choice's key, e.g. `q_repair_speed`: stable, and never free text. */
export const SURVEY_CODE_PATTERN = '^[a-z][a-z0-9_]{0,31}$';
/** A wave's month, YYYY-MM, in the group's time zone. */
export const SURVEY_PERIOD_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])$';
/** A sampling seed as recorded with the draw. */
export const SAMPLING_SEED_PATTERN = '^[A-Za-z0-9_-]{1,64}$';
/** A staff member's or a vendor interviewer's user id; the shape keeps a name out of events. */
export const INTERVIEWER_ID_PATTERN = '^[A-Za-z0-9._:@-]{1,128}$';

export const QUESTIONNAIRE_TITLE_MAX_LENGTH = 120;
export const QUESTION_TEXT_MAX_LENGTH = 300;
export const CHOICE_LABEL_MAX_LENGTH = 100;
export const QUESTIONS_MAX_COUNT = 100;
export const CHOICES_MAX_COUNT = 20;
/** A free-text answer; kept in the surveys database only. */
export const FREE_TEXT_MAX_LENGTH = 2000;
/** Contact attempts on one case, as the vendor counts them. */
export const ATTEMPTS_MAX = 99;

/** The draw is reproducible from its seed with this algorithm (services/surveys/README.md, "Sampling"). */
export const SAMPLING_ALGORITHM = 'xoshiro128ss-sha256-strata-v1';
/**
 * A sample and a batch of survey links are split into events of at most this many entries, so that each event
 * stays far below the broker's 1 MiB message limit however large the wave.
 */
export const SAMPLE_MEMBERS_PER_EVENT = 1000;
export const SURVEY_LINKS_PER_EVENT = 1000;
/** Projects × stages in one frame; bounds the size of the events that list them. */
export const SAMPLING_STRATA_MAX_COUNT = 1000;
