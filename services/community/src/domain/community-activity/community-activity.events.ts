/** The CommunityActivity stream's events are the published contract; the domain uses the same types. */
export type { CommunityActivityDetailsV1, CommunityActivityEvent } from '@cx/contracts';
