/** The CareService stream's events are the published contract; the domain uses the same types. */
export type { CareServiceEvent, CareServiceRequestedV1 } from '@cx/contracts';
