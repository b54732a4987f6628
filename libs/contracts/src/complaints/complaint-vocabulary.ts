/** The complaint vocabulary shared by the complaints service, its consumers and its API. */
export const ESCALATION_LADDER = ['frontline', 'project', 'region', 'group_service', 'ceo_office'] as const;
export type EscalationLevel = (typeof ESCALATION_LADDER)[number];

/** `survey_follow_up`: filed by the complaints service itself for a survey response that reported a complaint. */
export const COMPLAINT_CHANNELS = [
  'hotline',
  'app',
  'email',
  'walk_in',
  'property_service',
  'ceo_direct',
  'survey_follow_up',
] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

export const COMPLAINT_CATEGORIES = [
  'housing_quality',
  'delivery',
  'maintenance',
  'property_service',
  'sales_contract',
  'other',
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

export const COMPLAINT_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type ComplaintSeverity = (typeof COMPLAINT_SEVERITIES)[number];

export const RESOLUTION_OUTCOMES = ['repaired', 'compensated', 'explained', 'declined', 'other'] as const;
export type ResolutionOutcome = (typeof RESOLUTION_OUTCOMES)[number];

/** Project and region codes are organisational identifiers, e.g. `SH-PUDONG-07`, `east-china`. */
export const ORG_CODE_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$';

export const CONTACT_DIRECTIONS = ['inbound', 'outbound'] as const;
export type ContactDirection = (typeof CONTACT_DIRECTIONS)[number];

/** How staff and customer were in touch; also how a response was given. */
export const CONTACT_CHANNELS = ['phone', 'sms', 'email', 'app', 'visit', 'letter'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const CONTACT_OUTCOMES = ['reached', 'not_reached', 'callback_requested'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

/** Why a customer did not accept the resolution. */
export const REJECTION_REASONS = [
  'not_fixed',
  'partially_fixed',
  'disagrees_with_outcome',
  'too_slow',
  'other',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** The customer's satisfaction with the handling, 1 (very dissatisfied) to 5 (very satisfied). */
export const SATISFACTION_MIN = 1;
export const SATISFACTION_MAX = 5;

/** What an SLA clock measures: time to acknowledge, to the first response, to resolution. */
export const SLA_TARGETS = ['acknowledgement', 'first_response', 'resolution'] as const;
export type SlaTarget = (typeof SLA_TARGETS)[number];

/** Why a complaint's SLA clocks stop for a while. */
export const CLOCK_PAUSE_REASONS = ['awaiting_customer', 'awaiting_third_party', 'customer_requested_delay'] as const;
export type ClockPauseReason = (typeof CLOCK_PAUSE_REASONS)[number];

/** Where the typical-case review board finds a complaint's root cause. */
export const ROOT_CAUSE_CATEGORIES = [
  'design',
  'construction_quality',
  'materials',
  'supplier',
  'process',
  'communication',
  'staffing',
  'policy',
  'other',
] as const;
export type RootCauseCategory = (typeof ROOT_CAUSE_CATEGORIES)[number];
