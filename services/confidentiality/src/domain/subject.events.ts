/** The Subject stream's events are the published contract; the domain uses the same types. */
export type { SubjectEvent } from '@cx/contracts';
