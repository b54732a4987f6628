/** The confidentiality vocabulary shared by the vault, its consumers and its API. */

/** The categories of personal data the vault keeps for a subject; events name them, never their values. */
export const PERSONAL_DATA_FIELDS = ['name', 'phone', 'idNumber', 'email', 'address'] as const;
export type PersonalDataField = (typeof PERSONAL_DATA_FIELDS)[number];

/** What a subject consents to (PIPL art. 14: consent is given for a purpose, and may be withdrawn). */
export const CONSENT_PURPOSES = [
  'complaint_handling',
  'satisfaction_surveys',
  'third_party_surveys',
  'community_activities',
  'marketing',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const CONSENT_DECISIONS = ['given', 'withdrawn'] as const;
export type ConsentDecision = (typeof CONSENT_DECISIONS)[number];

/** Why someone needs a subject's personal data in clear; recorded with every unmasked read. */
export const ACCESS_PURPOSES = [
  'complaint_handling',
  'service_callback',
  'data_subject_request',
  'legal_obligation',
  'security_incident',
] as const;
export type AccessPurpose = (typeof ACCESS_PURPOSES)[number];

/** Why a subject's data must be kept although erasure is asked for. */
export const LEGAL_HOLD_REASONS = [
  'litigation',
  'regulatory_investigation',
  'law_enforcement_request',
  'internal_investigation',
] as const;
export type LegalHoldReason = (typeof LEGAL_HOLD_REASONS)[number];

/** A case or matter number, e.g. `(2026)沪0115民初12345号`: it names the matter, never the person. */
export const LEGAL_HOLD_REFERENCE_MAX_LENGTH = 100;

/** The grounds for deletion of PIPL art. 47. */
export const ERASURE_GROUNDS = [
  'subject_request',
  'purpose_fulfilled',
  'service_ended',
  'retention_expired',
  'consent_withdrawn',
  'unlawful_processing',
] as const;
export type ErasureGround = (typeof ERASURE_GROUNDS)[number];
