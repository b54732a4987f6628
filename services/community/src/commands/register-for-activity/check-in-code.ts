import { randomBytes } from 'node:crypto';

/** Crockford's base-32 letters: no I, L, O or U, so a code read aloud or typed from a screen is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CHECK_IN_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{16}$/;

/** 16 characters, 80 random bits: shown as a QR code, guessed by nobody. */
export function newCheckInCode(): string {
  return [...randomBytes(16)].map((byte) => ALPHABET[byte % 32]).join('');
}
