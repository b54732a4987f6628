import { CONFIDENTIALITY_LEVELS, ConfidentialityLevel, PersonalDataField } from '@cx/contracts';

/** Levels are ordered (public lowest): clearance at a level covers everything classified at or below it. */
export function levelCovers(granted: ConfidentialityLevel, needed: ConfidentialityLevel): boolean {
  return CONFIDENTIALITY_LEVELS.indexOf(granted) >= CONFIDENTIALITY_LEVELS.indexOf(needed);
}

/**
 * How the vault classifies a subject's personal data (ISO/IEC 27001:2022 5.12): customer personal information is
 * confidential; the resident ID number is secret, as sensitive personal information (GB/T 35273-2020, annex B)
 * whose leak can hurt the person most.
 */
export const PERSONAL_DATA_LEVELS: Readonly<Record<PersonalDataField, ConfidentialityLevel>> = {
  name: 'confidential',
  phone: 'confidential',
  idNumber: 'secret',
  email: 'confidential',
  address: 'confidential',
};

/** The level of a set of categories: the highest of theirs. */
export function levelOf(fields: readonly PersonalDataField[]): ConfidentialityLevel {
  return fields
    .map((field) => PERSONAL_DATA_LEVELS[field])
    .reduce<ConfidentialityLevel>((highest, level) => (levelCovers(highest, level) ? highest : level), 'public');
}
