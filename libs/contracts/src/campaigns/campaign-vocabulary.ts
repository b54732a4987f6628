/** The listening-campaign vocabulary shared by the campaigns service, its consumers and its API. */

/** What a campaign may count as taking part: the "Six Ones" ways of meeting customers and their service. */
export const ACTIVITY_KINDS = [
  'customer_visit',
  'service_experience',
  'hotline_shift',
  'community_walk',
  'site_inspection',
  'customer_forum',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** Participation rates are reported for employees and for management separately. */
export const ROSTER_SEGMENTS = ['employee', 'management'] as const;
export type RosterSegment = (typeof ROSTER_SEGMENTS)[number];

/**
 * People are referred to by their HR person id, e.g. `E0012345`; names stay in the campaigns database.
 * The shape (no spaces) keeps a pasted name from passing as an id.
 */
export const PERSON_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$';

export const CAMPAIGN_NAME_MAX_LENGTH = 120;
/** Department names as HR writes them: organisational, not personal. */
export const DEPARTMENT_MAX_LENGTH = 100;
/** The service scenario an activity went through, in a few words; no personal data (it travels in events). */
export const SCENARIO_MAX_LENGTH = 200;
/** A problem found, in a sentence or two; no personal data (it travels in events). */
export const FINDING_MAX_LENGTH = 500;
export const FINDINGS_MAX_COUNT = 10;

/**
 * A roster import is split into events of at most this many people, so that each event stays far below the
 * broker's 1 MiB message limit however large the import.
 */
export const ROSTER_ENTRIES_PER_EVENT = 500;

/** What a problem found in a campaign is about; the reports count problems and their actions by it. */
export const PROBLEM_CATEGORIES = [
  'housing_quality',
  'delivery',
  'maintenance',
  'property_service',
  'sales_contract',
  'service_attitude',
  'facilities',
  'safety',
  'other',
] as const;
export type ProblemCategory = (typeof PROBLEM_CATEGORIES)[number];

/** What a problem may be linked to: records of the complaints service, referred to by their id. */
export const PROBLEM_LINK_KINDS = ['complaint', 'typical_case_review'] as const;
export type ProblemLinkKind = (typeof PROBLEM_LINK_KINDS)[number];

/** Problem descriptions, improvement actions and completion notes: staff text about the service, no personal data. */
export const PROBLEM_TEXT_MAX_LENGTH = 1000;
/** Why a completed action is sent back, in a sentence or two. */
export const PROBLEM_REASON_MAX_LENGTH = 500;
