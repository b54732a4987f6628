import { PERSONAL_DATA_FIELDS, PersonalDataField } from '@cx/contracts';

/** A postal address, split so that masking can keep it down to the district and hide the rest. */
export interface Address {
  province: string;
  city: string;
  district: string;
  /** Street, building and unit: the part that finds the person. */
  detail: string;
}

/** What the vault holds for a subject, normalised: the phone as 11 digits, the ID number with an upper-case X. */
export interface PersonalData {
  name: string;
  phone: string | null;
  idNumber: string | null;
  email: string | null;
  address: Address | null;
}

/** A correction as the API takes it: a field left out stays as it is, null removes it; the name stays. */
export type Correction = Partial<Omit<PersonalData, 'name'>> & { name?: string };

export interface Changes {
  correctedFields: PersonalDataField[];
  removedFields: PersonalDataField[];
}

export function categoriesOf(data: PersonalData): PersonalDataField[] {
  return PERSONAL_DATA_FIELDS.filter((field) => data[field] !== null);
}

export function applyCorrection(current: PersonalData, correction: Correction): PersonalData {
  const corrected = { ...current };
  for (const field of PERSONAL_DATA_FIELDS) {
    if (correction[field] !== undefined) Object.assign(corrected, { [field]: correction[field] });
  }
  return corrected;
}

/** Which categories a correction gives a new value and which it removes: what its event may say. */
export function changesBetween(before: PersonalData, after: PersonalData): Changes {
  const changed = PERSONAL_DATA_FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
  return {
    correctedFields: changed.filter((f) => after[f] !== null),
    removedFields: changed.filter((f) => after[f] === null),
  };
}
