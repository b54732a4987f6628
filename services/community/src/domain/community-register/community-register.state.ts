/**
 * not_started → kept. Who is on the register, by subject id, with their elderly care enrolment; nobody leaves
 * it through this service yet.
 */
export type CommunityRegisterState =
  { status: 'not_started' } | { status: 'kept'; community: string; residents: ReadonlyMap<string, boolean> };

/** One resident as the register has them. */
export interface RegisteredResident {
  elderlyCare: boolean;
}
