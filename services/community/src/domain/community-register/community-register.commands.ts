import type { CommunityResidentV1 } from './community-register.events';

/** Adds residents to a community's register, or changes their elderly care enrolment; arrives with `now`. */
export interface RegisterResidents {
  type: 'RegisterResidents';
  community: string;
  residents: CommunityResidentV1[];
  now: Date;
}

export type CommunityRegisterCommand = RegisterResidents;
