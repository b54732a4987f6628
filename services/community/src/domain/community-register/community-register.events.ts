/** The CommunityRegister stream's events are the published contract; the domain uses the same types. */
export type { CommunityRegisterEvent, CommunityResidentV1 } from '@cx/contracts';
