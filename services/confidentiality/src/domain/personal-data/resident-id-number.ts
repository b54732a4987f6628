/**
 * A PRC resident identity card number (GB 11643-1999): a 6-digit region code, the birth date as YYYYMMDD,
 * a 3-digit sequence and an ISO 7064 MOD 11-2 check character (0-9 or X).
 */
const SHAPE = /^[1-9]\d{16}[\dX]$/;
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

/** The check character the first 17 digits call for. */
export function residentIdCheckCharacter(first17: string): string {
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(first17[i]), 0);
  return CHECK_CHARACTERS[sum % 11];
}

/** The 18 characters with an upper-case X, or null when the shape, birth date or check character is wrong. */
export function normaliseResidentIdNumber(input: string): string | null {
  const id = input.trim().toUpperCase();
  if (!SHAPE.test(id) || !isBirthDate(id.slice(6, 14))) return null;
  return residentIdCheckCharacter(id) === id[17] ? id : null;
}

function isBirthDate(yyyymmdd: string): boolean {
  const [year, month, day] = [yyyymmdd.slice(0, 4), yyyymmdd.slice(4, 6), yyyymmdd.slice(6, 8)].map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
