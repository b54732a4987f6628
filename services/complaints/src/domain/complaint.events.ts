/** The Complaint stream's events are the published contract; the domain uses the same types. */
export type { ComplaintEvent, ComplaintFiledV1, ComplaintEscalatedV1, ComplaintResolvedV1 } from '@cx/contracts';
