import { randomUUID } from 'node:crypto';
import { COMPLAINT_STREAM_TYPE, ComplaintEvent } from './complaints/complaint-events';
import { EventValidator } from './event-validator';
import { eventContracts } from './registry';

const complaintId = '0f8e3f5e-8a8e-4c55-9a55-6f2b0c7d1a11';
const instructionId = '5b1d0c2e-3f4a-4b6c-8d7e-9f0a1b2c3d4e';
const at = '2026-11-25T02:00:00.000Z';

/** One valid v1 event of every Complaint type; the compiler asks for a new one when a type is added. */
const samples: { [T in ComplaintEvent['type']]: Extract<ComplaintEvent, { type: T }>['data'] } = {
  ComplaintFiled: {
    complaintId,
    customerId: 'subj_7Hq2kLm9Xa',
    project: 'SH-PUDONG-07',
    region: 'east-china',
    category: 'housing_quality',
    severity: 'high',
    channel: 'hotline',
    escalationLevel: 'frontline',
    filedAt: at,
  },
  ComplaintEscalated: { complaintId, fromLevel: 'frontline', toLevel: 'project', reason: 'no reply', escalatedAt: at },
  ComplaintResolved: { complaintId, outcome: 'repaired', resolvedAt: at },
  ComplaintAcknowledged: { complaintId, acknowledgedAt: at },
  ComplaintAssigned: { complaintId, handlerId: 'agent-7', previousHandlerId: null, assignedAt: at },
  CustomerContactRecorded: {
    complaintId,
    direction: 'outbound',
    channel: 'phone',
    outcome: 'reached',
    contactedAt: at,
  },
  ComplaintResponded: { complaintId, channel: 'phone', firstResponse: true, respondedAt: at },
  ResolutionConfirmed: { complaintId, confirmedAt: at },
  ResolutionRejected: { complaintId, reason: 'not_fixed', rejectedAt: at },
  ComplaintReopened: { complaintId, reason: 'leak is back', reopenedAt: at },
  ComplaintClosed: { complaintId, satisfaction: 4, closedAt: at },
  ComplaintDeEscalated: {
    complaintId,
    fromLevel: 'project',
    toLevel: 'frontline',
    reason: 'handled',
    deEscalatedAt: at,
  },
  ComplaintSeverityChanged: {
    complaintId,
    fromSeverity: 'high',
    toSeverity: 'medium',
    reason: 'reassessed',
    changedAt: at,
  },
  ComplaintAttachmentAdded: {
    complaintId,
    attachmentId: randomUUID(),
    url: 'https://files.example.com/a.jpg',
    sha256: 'a'.repeat(64),
    mediaType: 'image/jpeg',
    addedAt: at,
  },
  ComplaintSlaAtRisk: { complaintId, target: 'acknowledgement', deadline: at, raisedAt: at },
  ComplaintSlaBreached: {
    complaintId,
    target: 'acknowledgement',
    deadline: at,
    escalationLevel: 'frontline',
    breachedAt: at,
  },
  ComplaintClockPaused: { complaintId, reason: 'awaiting_customer', pausedAt: at },
  ComplaintClockResumed: { complaintId, resumedAt: at },
  CeoInstructionIssued: {
    complaintId,
    instructionId,
    ownerId: 'regional-director-east',
    ownerLevel: 'region',
    dueAt: at,
    note: 'call the customer today',
    issuedAt: at,
  },
  CeoInstructionReported: { complaintId, instructionId, report: 'called, repair booked', reportedAt: at },
  CeoInstructionAccepted: { complaintId, instructionId, acceptedAt: at },
  CeoInstructionSentBack: { complaintId, instructionId, reason: 'no date for the repair', sentBackAt: at },
};

function envelope(type: string, data: object) {
  return {
    id: randomUUID(),
    type,
    schemaVersion: 1,
    streamId: complaintId,
    streamType: COMPLAINT_STREAM_TYPE,
    streamVersion: 1,
    position: '1',
    occurredAt: at,
    correlationId: randomUUID(),
    causationId: null,
    actor: { type: 'user', id: 'agent-7' },
    data,
  };
}

const complaintTypes = eventContracts.filter((c) => c.streamType === COMPLAINT_STREAM_TYPE).map((c) => c.type);
const validator = new EventValidator();

describe('Complaint events v1', () => {
  it('has a sample of every published Complaint event type', () => {
    expect(Object.keys(samples).sort()).toEqual([...complaintTypes].sort());
  });

  it.each(complaintTypes)('accepts a complete %s', (type) => {
    expect(validator.validate(envelope(type, samples[type as ComplaintEvent['type']]))).toMatchObject({ valid: true });
  });

  it.each(complaintTypes)('rejects %s without complaintId', (type) => {
    const { complaintId: _omitted, ...data } = samples[type as ComplaintEvent['type']];
    const result = validator.validate(envelope(type, data));
    expect(result).toEqual({
      valid: false,
      reason: expect.stringContaining("must have required property 'complaintId'"),
    });
  });
});
