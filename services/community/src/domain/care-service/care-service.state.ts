import type { CareServiceEndReason } from '@cx/contracts';
import type { CareServiceRequestedV1 } from './care-service.events';

/** A visit booked (completedAt null) or done; rated at most once. */
export interface CareVisit {
  visitNumber: number;
  scheduledFor: string;
  completedAt: string | null;
  rating: number | null;
}

/** What every requested service has, whatever its status. Visits in order, the last possibly still booked. */
export interface Requested {
  careServiceId: string;
  community: string;
  details: CareServiceRequestedV1;
  visits: CareVisit[];
}

/**
 * not_requested → requested → assigned → scheduled → completed (one visit); a recurring service goes from each
 * completed visit straight to the next one scheduled, until it is ended. requested, assigned, scheduled → ended.
 */
export type CareServiceState =
  | { status: 'not_requested' }
  | ({ status: 'requested' } & Requested)
  | ({ status: 'assigned'; assigneeId: string } & Requested)
  | ({ status: 'scheduled'; assigneeId: string } & Requested)
  | ({ status: 'completed'; assigneeId: string; completedAt: string } & Requested)
  | ({ status: 'ended'; assigneeId: string | null; endedAt: string; endReason: CareServiceEndReason } & Requested);

export type CareServiceStatus = CareServiceState['status'];
export type RequestedCareService = Exclude<CareServiceState, { status: 'not_requested' }>;
