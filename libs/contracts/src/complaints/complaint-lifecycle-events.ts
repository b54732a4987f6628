import {
  CLOCK_PAUSE_REASONS,
  ClockPauseReason,
  COMPLAINT_SEVERITIES,
  CONTACT_CHANNELS,
  CONTACT_DIRECTIONS,
  CONTACT_OUTCOMES,
  ComplaintSeverity,
  ContactChannel,
  ContactDirection,
  ContactOutcome,
  ESCALATION_LADDER,
  EscalationLevel,
  REJECTION_REASONS,
  RejectionReason,
  SATISFACTION_MAX,
  SATISFACTION_MIN,
  SLA_TARGETS,
  SlaTarget,
} from './complaint-vocabulary';

/** Staff reasons (escalation, de-escalation, severity change, reopening): about the handling, no personal data. */
export const STAFF_REASON_MAX_LENGTH = 500;

export interface ComplaintAcknowledgedV1 {
  complaintId: string;
  acknowledgedAt: string;
}
export interface ComplaintAssignedV1 {
  complaintId: string;
  handlerId: string;
  previousHandlerId: string | null;
  assignedAt: string;
}
export interface CustomerContactRecordedV1 {
  complaintId: string;
  direction: ContactDirection;
  channel: ContactChannel;
  outcome: ContactOutcome;
  contactedAt: string;
}
export interface ComplaintRespondedV1 {
  complaintId: string;
  channel: ContactChannel;
  firstResponse: boolean;
  respondedAt: string;
}
export interface ResolutionConfirmedV1 {
  complaintId: string;
  confirmedAt: string;
}
export interface ResolutionRejectedV1 {
  complaintId: string;
  reason: RejectionReason;
  rejectedAt: string;
}
export interface ComplaintReopenedV1 {
  complaintId: string;
  reason: string;
  reopenedAt: string;
}
export interface ComplaintClosedV1 {
  complaintId: string;
  satisfaction: number;
  closedAt: string;
}
export interface ComplaintDeEscalatedV1 {
  complaintId: string;
  fromLevel: EscalationLevel;
  toLevel: EscalationLevel;
  reason: string;
  deEscalatedAt: string;
}
export interface ComplaintSeverityChangedV1 {
  complaintId: string;
  fromSeverity: ComplaintSeverity;
  toSeverity: ComplaintSeverity;
  reason: string;
  changedAt: string;
}
export interface ComplaintAttachmentAddedV1 {
  complaintId: string;
  attachmentId: string;
  url: string;
  sha256: string;
  mediaType: string;
  addedAt: string;
}

export interface ComplaintSlaAtRiskV1 {
  complaintId: string;
  target: SlaTarget;
  deadline: string;
  raisedAt: string;
}
export interface ComplaintSlaBreachedV1 {
  complaintId: string;
  target: SlaTarget;
  deadline: string;
  escalationLevel: EscalationLevel;
  breachedAt: string;
}
export interface ComplaintClockPausedV1 {
  complaintId: string;
  reason: ClockPauseReason;
  pausedAt: string;
}
export interface ComplaintClockResumedV1 {
  complaintId: string;
  resumedAt: string;
}

/** Notes and reports between the CEO office and an accountable owner: handling text, no personal data. */
export const INSTRUCTION_TEXT_MAX_LENGTH = 1000;

export interface CeoInstructionIssuedV1 {
  complaintId: string;
  instructionId: string;
  ownerId: string;
  ownerLevel: EscalationLevel;
  dueAt: string;
  note: string;
  issuedAt: string;
}
export interface CeoInstructionReportedV1 {
  complaintId: string;
  instructionId: string;
  report: string;
  reportedAt: string;
}
export interface CeoInstructionAcceptedV1 {
  complaintId: string;
  instructionId: string;
  acceptedAt: string;
}
export interface CeoInstructionSentBackV1 {
  complaintId: string;
  instructionId: string;
  reason: string;
  sentBackAt: string;
}

export type ComplaintLifecycleEvent =
  | { type: 'ComplaintAcknowledged'; data: ComplaintAcknowledgedV1 }
  | { type: 'ComplaintAssigned'; data: ComplaintAssignedV1 }
  | { type: 'CustomerContactRecorded'; data: CustomerContactRecordedV1 }
  | { type: 'ComplaintResponded'; data: ComplaintRespondedV1 }
  | { type: 'ResolutionConfirmed'; data: ResolutionConfirmedV1 }
  | { type: 'ResolutionRejected'; data: ResolutionRejectedV1 }
  | { type: 'ComplaintReopened'; data: ComplaintReopenedV1 }
  | { type: 'ComplaintClosed'; data: ComplaintClosedV1 }
  | { type: 'ComplaintDeEscalated'; data: ComplaintDeEscalatedV1 }
  | { type: 'ComplaintSeverityChanged'; data: ComplaintSeverityChangedV1 }
  | { type: 'ComplaintAttachmentAdded'; data: ComplaintAttachmentAddedV1 }
  | { type: 'ComplaintSlaAtRisk'; data: ComplaintSlaAtRiskV1 }
  | { type: 'ComplaintSlaBreached'; data: ComplaintSlaBreachedV1 }
  | { type: 'ComplaintClockPaused'; data: ComplaintClockPausedV1 }
  | { type: 'ComplaintClockResumed'; data: ComplaintClockResumedV1 }
  | { type: 'CeoInstructionIssued'; data: CeoInstructionIssuedV1 }
  | { type: 'CeoInstructionReported'; data: CeoInstructionReportedV1 }
  | { type: 'CeoInstructionAccepted'; data: CeoInstructionAcceptedV1 }
  | { type: 'CeoInstructionSentBack'; data: CeoInstructionSentBackV1 };

const uuid = { type: 'string', format: 'uuid' } as const;
const timestamp = { type: 'string', format: 'date-time' } as const;
const level = { enum: ESCALATION_LADDER } as const;
const reason = { type: 'string', minLength: 1, maxLength: STAFF_REASON_MAX_LENGTH } as const;
const instructionText = { type: 'string', minLength: 1, maxLength: INSTRUCTION_TEXT_MAX_LENGTH } as const;
/** Staff are referred to by their opaque user id (the token's `sub`), as actors are. */
const staffId = { type: 'string', minLength: 1, maxLength: 128 } as const;

/** Every lifecycle event names its complaint; `properties` are the ones it adds, all required too. */
function schema(title: string, description: string, properties: Record<string, object>) {
  return {
    title,
    description,
    type: 'object',
    additionalProperties: false,
    required: ['complaintId', ...Object.keys(properties)],
    properties: { complaintId: uuid, ...properties },
  } as const;
}

export const complaintLifecycleEventSchemas = {
  ComplaintAcknowledged: {
    1: schema('ComplaintAcknowledged', 'Receipt of the complaint was acknowledged.', { acknowledgedAt: timestamp }),
  },
  ComplaintAssigned: {
    1: schema('ComplaintAssigned', 'A handler was made responsible (or replaced).', {
      handlerId: staffId,
      previousHandlerId: { anyOf: [staffId, { type: 'null' }] },
      assignedAt: timestamp,
    }),
  },
  CustomerContactRecorded: {
    1: schema('CustomerContactRecorded', 'Staff and customer were (or tried to be) in touch.', {
      direction: { enum: CONTACT_DIRECTIONS },
      channel: { enum: CONTACT_CHANNELS },
      outcome: { enum: CONTACT_OUTCOMES },
      contactedAt: timestamp,
    }),
  },
  ComplaintResponded: {
    1: schema(
      'ComplaintResponded',
      'The customer was given a response; the first one stops the first-response clock.',
      {
        channel: { enum: CONTACT_CHANNELS },
        firstResponse: { type: 'boolean' },
        respondedAt: timestamp,
      },
    ),
  },
  ResolutionConfirmed: {
    1: schema('ResolutionConfirmed', 'The customer accepted the resolution.', { confirmedAt: timestamp }),
  },
  ResolutionRejected: {
    1: schema('ResolutionRejected', 'The customer did not accept the resolution; handling resumes.', {
      reason: { enum: REJECTION_REASONS },
      rejectedAt: timestamp,
    }),
  },
  ComplaintReopened: {
    1: schema('ComplaintReopened', 'A resolved or closed complaint was reopened.', { reason, reopenedAt: timestamp }),
  },
  ComplaintClosed: {
    1: schema('ComplaintClosed', 'The complaint was closed with the customer’s satisfaction with the handling.', {
      satisfaction: { type: 'integer', minimum: SATISFACTION_MIN, maximum: SATISFACTION_MAX },
      closedAt: timestamp,
    }),
  },
  ComplaintDeEscalated: {
    1: schema('ComplaintDeEscalated', 'The complaint moved one level down the escalation ladder.', {
      fromLevel: level,
      toLevel: level,
      reason,
      deEscalatedAt: timestamp,
    }),
  },
  ComplaintSeverityChanged: {
    1: schema('ComplaintSeverityChanged', 'The severity was reassessed.', {
      fromSeverity: { enum: COMPLAINT_SEVERITIES },
      toSeverity: { enum: COMPLAINT_SEVERITIES },
      reason,
      changedAt: timestamp,
    }),
  },
  ComplaintAttachmentAdded: {
    1: schema('ComplaintAttachmentAdded', 'A reference (URL and hash) to a document or photo, never the file.', {
      attachmentId: uuid,
      url: { type: 'string', format: 'uri', pattern: '^https://', maxLength: 2048 },
      sha256: { type: 'string', pattern: '^[a-f0-9]{64}$' },
      mediaType: { type: 'string', pattern: '^[a-z]+/[a-z0-9.+-]+$', maxLength: 100 },
      addedAt: timestamp,
    }),
  },
  ComplaintSlaAtRisk: {
    1: schema(
      'ComplaintSlaAtRisk',
      'A target will be missed soon (at the policy’s share of the time, 75% by default).',
      {
        target: { enum: SLA_TARGETS },
        deadline: timestamp,
        raisedAt: timestamp,
      },
    ),
  },
  ComplaintSlaBreached: {
    1: schema(
      'ComplaintSlaBreached',
      'A target was missed; an automatic escalation follows unless already at the top.',
      {
        target: { enum: SLA_TARGETS },
        deadline: timestamp,
        escalationLevel: level,
        breachedAt: timestamp,
      },
    ),
  },
  ComplaintClockPaused: {
    1: schema('ComplaintClockPaused', 'The SLA clocks stop while waiting (e.g. for the customer).', {
      reason: { enum: CLOCK_PAUSE_REASONS },
      pausedAt: timestamp,
    }),
  },
  ComplaintClockResumed: {
    1: schema('ComplaintClockResumed', 'The SLA clocks run again; the paused time does not count.', {
      resumedAt: timestamp,
    }),
  },
  CeoInstructionIssued: {
    1: schema(
      'CeoInstructionIssued',
      'The CEO office made an owner below it accountable, with a due date and a note.',
      {
        instructionId: uuid,
        ownerId: staffId,
        ownerLevel: { enum: ESCALATION_LADDER.filter((l) => l !== 'ceo_office') },
        dueAt: timestamp,
        note: instructionText,
        issuedAt: timestamp,
      },
    ),
  },
  CeoInstructionReported: {
    1: schema('CeoInstructionReported', 'The accountable owner reported back to the CEO office.', {
      instructionId: uuid,
      report: instructionText,
      reportedAt: timestamp,
    }),
  },
  CeoInstructionAccepted: {
    1: schema('CeoInstructionAccepted', 'The CEO office accepted the report; the instruction is done.', {
      instructionId: uuid,
      acceptedAt: timestamp,
    }),
  },
  CeoInstructionSentBack: {
    1: schema('CeoInstructionSentBack', 'The CEO office sent the report back; the owner works on.', {
      instructionId: uuid,
      reason,
      sentBackAt: timestamp,
    }),
  },
} as const;
