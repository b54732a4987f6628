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

/** What the information asset register classifies (ISO/IEC 27001:2022 5.9, 5.12). */
export const INFORMATION_CATEGORIES = [
  'commercial_information',
  'data_assets',
  'third_party_information',
  'customer_personal_information',
] as const;
export type InformationCategory = (typeof INFORMATION_CATEGORIES)[number];

/** Confidentiality levels, lowest first: a grant at a level covers that level and the ones below it. */
export const CONFIDENTIALITY_LEVELS = ['public', 'internal', 'confidential', 'secret'] as const;
export type ConfidentialityLevel = (typeof CONFIDENTIALITY_LEVELS)[number];

/** An asset's name and its handling rules: staff text about the information, never the information itself. */
export const ASSET_NAME_MAX_LENGTH = 200;
export const HANDLING_RULES_MAX_LENGTH = 2000;

/** Reasons for a reclassification, retirement, rejection or revocation; they travel in events. */
export const CONFIDENTIALITY_REASON_MAX_LENGTH = 500;

/** Who holds an access grant: one user (the token's `sub`) or everyone with a role. */
export const GRANTEE_TYPES = ['user', 'role'] as const;
export type GranteeType = (typeof GRANTEE_TYPES)[number];

/** Why an unmasked read was refused; recorded with every denial. */
export const ACCESS_DENIAL_REASONS = [
  'no_grant',
  'grant_pending',
  'grant_expired',
  'grant_revoked',
  'purpose_not_granted',
  'level_not_granted',
] as const;
export type AccessDenialReason = (typeof ACCESS_DENIAL_REASONS)[number];
