/** The AccessGrant stream's events are the published contract; the domain uses the same types. */
export type { AccessGrantEvent, Grantee, GrantScope } from '@cx/contracts';
