import { ORG_CODE_PATTERN } from '../complaints/complaint-vocabulary';
import { SUBJECT_ID_PATTERN } from '../subject-id';
import {
  CARE_RECURRENCES,
  CARE_SERVICE_END_REASONS,
  CARE_SERVICE_KINDS,
  CareRecurrence,
  CareServiceEndReason,
  CareServiceKind,
  RATING_MAX,
  RATING_MIN,
} from './community-vocabulary';

/**
 * Events of the CareService stream, version 1, published on the community topic (key = care service id). A
 * care service is requested for a resident (subject id), assigned to a staff member (user id), and carried out
 * in visits numbered from 1: one visit, or, recurring, a visit per period until it is ended. Every event names
 * its community, so that the reports need no join.
 */
export interface OnCareService {
  careServiceId: string;
  /** The community's project code, e.g. `SH-PUDONG-07`. */
  community: string;
}

export interface CareServiceRequestedV1 extends OnCareService {
  residentId: string;
  serviceKind: CareServiceKind;
  /** null: one visit; else the next visit is scheduled as each one is completed. */
  recurrence: CareRecurrence | null;
  requestedBy: string;
  requestedAt: string;
}
export interface CareServiceAssignedV1 extends OnCareService {
  assigneeId: string;
  assignedAt: string;
}
/** A visit booked (or, with the same number, moved) by staff; recurring: the next one, booked on completion. */
export interface CareVisitScheduledV1 extends OnCareService {
  visitNumber: number;
  scheduledFor: string;
  scheduledAt: string;
}
export interface CareVisitCompletedV1 extends OnCareService {
  visitNumber: number;
  completedBy: string;
  completedAt: string;
}
export interface CareVisitRatedV1 extends OnCareService {
  visitNumber: number;
  rating: number;
  ratedAt: string;
}
export interface CareServiceEndedV1 extends OnCareService {
  reason: CareServiceEndReason;
  endedAt: string;
}

export type CareServiceEvent =
  | { type: 'CareServiceRequested'; data: CareServiceRequestedV1 }
  | { type: 'CareServiceAssigned'; data: CareServiceAssignedV1 }
  | { type: 'CareVisitScheduled'; data: CareVisitScheduledV1 }
  | { type: 'CareVisitCompleted'; data: CareVisitCompletedV1 }
  | { type: 'CareVisitRated'; data: CareVisitRatedV1 }
  | { type: 'CareServiceEnded'; data: CareServiceEndedV1 };

export const CARE_SERVICE_STREAM_TYPE = 'CareService';

const timestamp = { type: 'string', format: 'date-time' } as const;
/** Staff are referred to by their opaque user id (the token's `sub`), as actors are. */
const staffId = { type: 'string', minLength: 1, maxLength: 128 } as const;
const visitNumber = { type: 'integer', minimum: 1 } as const;

function schema(title: string, description: string, properties: Record<string, object>) {
  return {
    title,
    description,
    type: 'object',
    additionalProperties: false,
    required: ['careServiceId', 'community', ...Object.keys(properties)],
    properties: {
      careServiceId: { type: 'string', format: 'uuid' },
      community: { type: 'string', pattern: ORG_CODE_PATTERN },
      ...properties,
    },
  } as const;
}

export const careServiceEventSchemas = {
  CareServiceRequested: {
    1: schema('CareServiceRequested', 'A life-stage care service was requested for a resident of the community.', {
      residentId: { type: 'string', pattern: SUBJECT_ID_PATTERN },
      serviceKind: { enum: CARE_SERVICE_KINDS },
      recurrence: { enum: [...CARE_RECURRENCES, null] },
      requestedBy: staffId,
      requestedAt: timestamp,
    }),
  },
  CareServiceAssigned: {
    1: schema('CareServiceAssigned', 'A staff member was made responsible for the service.', {
      assigneeId: staffId,
      assignedAt: timestamp,
    }),
  },
  CareVisitScheduled: {
    1: schema('CareVisitScheduled', 'A visit was booked, moved, or (recurring) booked as the previous was completed.', {
      visitNumber,
      scheduledFor: timestamp,
      scheduledAt: timestamp,
    }),
  },
  CareVisitCompleted: {
    1: schema('CareVisitCompleted', 'The visit took place.', {
      visitNumber,
      completedBy: staffId,
      completedAt: timestamp,
    }),
  },
  CareVisitRated: {
    1: schema('CareVisitRated', 'The resident rated a completed visit.', {
      visitNumber,
      rating: { type: 'integer', minimum: RATING_MIN, maximum: RATING_MAX },
      ratedAt: timestamp,
    }),
  },
  CareServiceEnded: {
    1: schema('CareServiceEnded', 'The service ended before completion, or a recurring service stopped.', {
      reason: { enum: CARE_SERVICE_END_REASONS },
      endedAt: timestamp,
    }),
  },
} as const;
