import type { PersonalDataField } from '@cx/contracts';
import type { Address, PersonalData } from './personal-data';

const HIDDEN = '****';

/** 13812345678 → 138****5678 */
export function maskPhone(phone: string): string {
  return `${phone.slice(0, 3)}${HIDDEN}${phone.slice(7)}`;
}

/** The region code (first 6) and the last 4 stay; the birth date is hidden. */
export function maskIdNumber(idNumber: string): string {
  return `${idNumber.slice(0, 6)}********${idNumber.slice(14)}`;
}

/** The family name (first character) and one star, whatever the length, so the length does not show either. */
export function maskName(name: string): string {
  return `${[...name][0]}*`;
}

/** wang.fang@example.com → w***@example.com */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return `${[...email][0]}***${email.slice(at)}`;
}

/** Down to the district; the street, building and unit are hidden. */
export function maskAddress(address: Address): Address {
  return { ...address, detail: HIDDEN };
}

/** The masked form every role that may read a subject sees. */
export function masked(data: PersonalData): PersonalData {
  return {
    name: maskName(data.name),
    phone: data.phone && maskPhone(data.phone),
    idNumber: data.idNumber && maskIdNumber(data.idNumber),
    email: data.email && maskEmail(data.email),
    address: data.address && maskAddress(data.address),
  };
}

/** The given categories in clear, the rest masked: what an unmasked read for those categories answers. */
export function revealed(data: PersonalData, fields: readonly PersonalDataField[]): PersonalData {
  const hidden = masked(data);
  return {
    name: fields.includes('name') ? data.name : hidden.name,
    phone: fields.includes('phone') ? data.phone : hidden.phone,
    idNumber: fields.includes('idNumber') ? data.idNumber : hidden.idNumber,
    email: fields.includes('email') ? data.email : hidden.email,
    address: fields.includes('address') ? data.address : hidden.address,
  };
}
