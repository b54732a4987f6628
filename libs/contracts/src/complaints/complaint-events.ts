import { SUBJECT_ID_PATTERN } from '../subject-id';
import {
  ComplaintLifecycleEvent,
  complaintLifecycleEventSchemas,
  STAFF_REASON_MAX_LENGTH,
} from './complaint-lifecycle-events';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_CHANNELS,
  COMPLAINT_SEVERITIES,
  ComplaintCategory,
  ComplaintChannel,
  ComplaintSeverity,
  ESCALATION_LADDER,
  EscalationLevel,
  ORG_CODE_PATTERN,
  RESOLUTION_OUTCOMES,
  ResolutionOutcome,
} from './complaint-vocabulary';

/**
 * Events of the Complaint stream, version 1. The description a customer gives is free text that may
 * hold personal data, so it never travels in an event: it stays in the complaints service's database.
 */
export interface ComplaintFiledV1 {
  complaintId: string;
  customerId: string;
  project: string;
  region: string;
  category: ComplaintCategory;
  severity: ComplaintSeverity;
  channel: ComplaintChannel;
  escalationLevel: EscalationLevel;
  filedAt: string;
  /** The survey response this complaint follows up (channel `survey_follow_up`); absent otherwise. */
  surveyResponseId?: string;
}

export interface ComplaintEscalatedV1 {
  complaintId: string;
  fromLevel: EscalationLevel;
  toLevel: EscalationLevel;
  reason: string;
  escalatedAt: string;
}

export interface ComplaintResolvedV1 {
  complaintId: string;
  outcome: ResolutionOutcome;
  resolvedAt: string;
}

export type ComplaintEvent =
  | { type: 'ComplaintFiled'; data: ComplaintFiledV1 }
  | { type: 'ComplaintEscalated'; data: ComplaintEscalatedV1 }
  | { type: 'ComplaintResolved'; data: ComplaintResolvedV1 }
  | ComplaintLifecycleEvent;

export const COMPLAINT_STREAM_TYPE = 'Complaint';

const uuid = { type: 'string', format: 'uuid' } as const;
const timestamp = { type: 'string', format: 'date-time' } as const;
const level = { enum: ESCALATION_LADDER } as const;

export const complaintEventSchemas = {
  ComplaintFiled: {
    1: {
      title: 'ComplaintFiled',
      description: 'A customer complaint was registered. The description stays in the complaints service.',
      type: 'object',
      additionalProperties: false,
      required: [
        'complaintId',
        'customerId',
        'project',
        'region',
        'category',
        'severity',
        'channel',
        'escalationLevel',
        'filedAt',
      ],
      properties: {
        complaintId: uuid,
        customerId: { type: 'string', pattern: SUBJECT_ID_PATTERN },
        project: { type: 'string', pattern: ORG_CODE_PATTERN },
        region: { type: 'string', pattern: ORG_CODE_PATTERN },
        category: { enum: COMPLAINT_CATEGORIES },
        severity: { enum: COMPLAINT_SEVERITIES },
        channel: { enum: COMPLAINT_CHANNELS },
        escalationLevel: level,
        filedAt: timestamp,
        surveyResponseId: uuid,
      },
    },
  },
  ComplaintEscalated: {
    1: {
      title: 'ComplaintEscalated',
      description: 'The complaint moved one level up the escalation ladder.',
      type: 'object',
      additionalProperties: false,
      required: ['complaintId', 'fromLevel', 'toLevel', 'reason', 'escalatedAt'],
      properties: {
        complaintId: uuid,
        fromLevel: level,
        toLevel: level,
        reason: { type: 'string', minLength: 1, maxLength: STAFF_REASON_MAX_LENGTH },
        escalatedAt: timestamp,
      },
    },
  },
  ComplaintResolved: {
    1: {
      title: 'ComplaintResolved',
      description: 'The handler resolved the complaint.',
      type: 'object',
      additionalProperties: false,
      required: ['complaintId', 'outcome', 'resolvedAt'],
      properties: {
        complaintId: uuid,
        outcome: { enum: RESOLUTION_OUTCOMES },
        resolvedAt: timestamp,
      },
    },
  },
  ...complaintLifecycleEventSchemas,
} as const;
