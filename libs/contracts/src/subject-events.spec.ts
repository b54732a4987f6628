import { randomUUID } from 'node:crypto';
import { SUBJECT_STREAM_TYPE, SubjectEvent } from './confidentiality/subject-events';
import { EventValidator } from './event-validator';
import { eventContracts } from './registry';

const subjectId = 'subj_4kT9wQ2mZp7LxR3vB8nC5dYh';
const holdId = '9b2f4c6d-8e0a-4b1c-9d2e-3f4a5b6c7d8e';
const at = '2026-11-25T02:00:00.000Z';

/** One valid v1 event of every Subject type; the compiler asks for a new one when a type is added. */
const samples: { [T in SubjectEvent['type']]: Extract<SubjectEvent, { type: T }>['data'] } = {
  SubjectRegistered: { subjectId, categories: ['name', 'phone'], registeredAt: at },
  SubjectCorrected: { subjectId, correctedFields: ['phone'], removedFields: ['email'], correctedAt: at },
  ConsentRecorded: {
    subjectId,
    purpose: 'satisfaction_surveys',
    decision: 'given',
    decidedAt: at,
    recordedAt: at,
  },
  PersonalDataRevealed: {
    subjectId,
    fields: ['phone'],
    revealedTo: 'dpo-1',
    purpose: 'service_callback',
    revealedAt: at,
  },
  SubjectDataExported: { subjectId, exportedBy: 'dpo-1', exportedAt: at },
  LegalHoldPlaced: { subjectId, holdId, reason: 'litigation', reference: '(2026)沪0115民初12345号', placedAt: at },
  LegalHoldReleased: { subjectId, holdId, releasedAt: at },
  SubjectErased: { subjectId, ground: 'subject_request', erasedAt: at },
};

function envelope(type: string, data: object) {
  return {
    id: randomUUID(),
    type,
    schemaVersion: 1,
    streamId: subjectId,
    streamType: SUBJECT_STREAM_TYPE,
    streamVersion: 1,
    position: '1',
    occurredAt: at,
    correlationId: randomUUID(),
    causationId: null,
    actor: { type: 'user', id: 'dpo-1' },
    data,
  };
}

const subjectTypes = eventContracts.filter((c) => c.streamType === SUBJECT_STREAM_TYPE).map((c) => c.type);
const validator = new EventValidator();
const sample = (type: string) => samples[type as SubjectEvent['type']];

describe('Subject events v1', () => {
  it('has a sample of every published Subject event type, all on the confidentiality topic', () => {
    expect(Object.keys(samples).sort()).toEqual([...subjectTypes].sort());
    expect(new Set(eventContracts.filter((c) => c.streamType === SUBJECT_STREAM_TYPE).map((c) => c.topic))).toEqual(
      new Set(['cx.confidentiality.events']),
    );
  });

  it.each(subjectTypes)('accepts a complete %s', (type) => {
    expect(validator.validate(envelope(type, sample(type)))).toMatchObject({ valid: true });
  });

  it.each(subjectTypes)('rejects %s without subjectId', (type) => {
    const { subjectId: _omitted, ...data } = sample(type);
    expect(validator.validate(envelope(type, data))).toEqual({
      valid: false,
      reason: expect.stringContaining("must have required property 'subjectId'"),
    });
  });

  it.each(subjectTypes)('rejects %s carrying personal data it does not declare', (type) => {
    const result = validator.validate(envelope(type, { ...sample(type), phone: '13812345678' }));
    expect(result).toEqual({ valid: false, reason: expect.stringContaining('must NOT have additional properties') });
  });

  it('rejects a phone number in place of a subject id', () => {
    const result = validator.validate(
      envelope('SubjectErased', { ...samples.SubjectErased, subjectId: '13812345678' }),
    );
    expect(result).toMatchObject({ valid: false });
  });
});
