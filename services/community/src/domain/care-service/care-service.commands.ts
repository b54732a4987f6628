import type { CareRecurrence, CareServiceEndReason, CareServiceKind } from '@cx/contracts';
import type { RegisteredResident } from '../community-register/community-register.state';

/** Every command names its care service and arrives with `now`: the decider has no clock of its own. */
interface OnCareService {
  careServiceId: string;
  now: Date;
}

export interface RequestCareService extends OnCareService {
  type: 'RequestCareService';
  community: string;
  residentId: string;
  /** The resident as the register has them, looked up by the handler; null when not on it. */
  resident: RegisteredResident | null;
  serviceKind: CareServiceKind;
  recurrence: CareRecurrence | null;
  requestedBy: string;
}

export interface AssignCareService extends OnCareService {
  type: 'AssignCareService';
  assigneeId: string;
}

/** Books the next visit, or moves the one booked. */
export interface ScheduleCareVisit extends OnCareService {
  type: 'ScheduleCareVisit';
  scheduledFor: Date;
}

export interface CompleteCareVisit extends OnCareService {
  type: 'CompleteCareVisit';
  visitNumber: number;
  completedBy: string;
}

export interface RateCareVisit extends OnCareService {
  type: 'RateCareVisit';
  visitNumber: number;
  rating: number;
}

export interface EndCareService extends OnCareService {
  type: 'EndCareService';
  reason: CareServiceEndReason;
}

export type CareServiceCommand =
  RequestCareService | AssignCareService | ScheduleCareVisit | CompleteCareVisit | RateCareVisit | EndCareService;
