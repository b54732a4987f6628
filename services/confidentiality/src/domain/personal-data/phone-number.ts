/** A mainland China mobile number: 11 digits starting 13-19. A +86 prefix, spaces and dashes are dropped. */
const MOBILE_NUMBER = /^(?:\+?86)?(1[3-9]\d{9})$/;

/** The 11 digits, or null when the input is not a mobile number. */
export function normaliseMobileNumber(input: string): string | null {
  return MOBILE_NUMBER.exec(input.replace(/[\s-]/g, ''))?.[1] ?? null;
}
