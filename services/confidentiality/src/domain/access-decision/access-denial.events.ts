/** The AccessDenial stream's event is the published contract; the domain uses the same type. */
export type { AccessDenialEvent } from '@cx/contracts';
