import type { PersonalDataRevealedV2, SubjectEvent as PublishedSubjectEvent } from '@cx/contracts';

/**
 * The Subject stream's events are the published contract, at their latest versions; the domain uses the same
 * types, except that a PersonalDataRevealed v1 (a read on the `dpo` role, before grants) is upcast with no grant.
 */
export type PersonalDataRevealed = Omit<PersonalDataRevealedV2, 'grantId'> & { grantId: string | null };

export type SubjectEvent =
  | Exclude<PublishedSubjectEvent, { type: 'PersonalDataRevealed' }>
  | { type: 'PersonalDataRevealed'; data: PersonalDataRevealed };
