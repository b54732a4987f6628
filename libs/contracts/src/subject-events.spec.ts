import { randomUUID } from 'node:crypto';
import { SUBJECT_STREAM_TYPE, SubjectEvent } from './confidentiality/subject-events';
import { EventValidator } from './event-validator';
import { eventContracts } from './registry';

const subjectId = 'subj_4kT9wQ2mZp7LxR3vB8nC5dYh';
const holdId = '9b2f4c6d-8e0a-4b1c-9d2e-3f4a5b6c7d8e';
const grantId = '4c1d2e3f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const at = '2026-11-25T02:00:00.000Z';

/** One valid event of every Subject type, at its latest version; the compiler asks for a new one when a type is added. */
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
    revealedTo: 'agent-7',
    purpose: 'service_callback',
    grantId,
    revealedAt: at,
  },
  SubjectDataExported: { subjectId, exportedBy: 'dpo-1', exportedAt: at },
  LegalHoldPlaced: { subjectId, holdId, reason: 'litigation', reference: '(2026)沪0115民初12345号', placedAt: at },
  LegalHoldReleased: { subjectId, holdId, releasedAt: at },
  SubjectErasureDeferred: { subjectId, retainUntil: at, legalHoldIds: [holdId], deferredAt: at },
  SubjectErased: { subjectId, ground: 'subject_request', erasedAt: at },
};

/** Earlier versions still in the topic's history, which consumers keep reading. */
const earlierVersions: Record<string, Record<number, object>> = {
  PersonalDataRevealed: {
    1: { subjectId, fields: ['phone'], revealedTo: 'dpo-1', purpose: 'service_callback', revealedAt: at },
  },
};

function envelope(type: string, data: object, schemaVersion = 1) {
  return {
    id: randomUUID(),
    type,
    schemaVersion,
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

const subjectContracts = eventContracts.filter((c) => c.streamType === SUBJECT_STREAM_TYPE);
const subjectTypes = [...new Set(subjectContracts.map((c) => c.type))];
const versions = subjectContracts.map((c) => [`${c.type} v${c.schemaVersion}`, c.type, c.schemaVersion] as const);
const validator = new EventValidator();
const sample = (type: string, version: number): object =>
  earlierVersions[type]?.[version] ?? samples[type as SubjectEvent['type']];

describe('Subject events', () => {
  it('has a sample of every published Subject event type, all on the confidentiality topic', () => {
    expect(Object.keys(samples).sort()).toEqual([...subjectTypes].sort());
    expect(new Set(eventContracts.filter((c) => c.streamType === SUBJECT_STREAM_TYPE).map((c) => c.topic))).toEqual(
      new Set(['cx.confidentiality.events']),
    );
  });

  it.each(versions)('accepts a complete %s', (_label, type, version) => {
    expect(validator.validate(envelope(type, sample(type, version), version))).toMatchObject({ valid: true });
  });

  it.each(versions)('rejects %s without subjectId', (_label, type, version) => {
    const { subjectId: _omitted, ...data } = sample(type, version) as { subjectId: string };
    expect(validator.validate(envelope(type, data, version))).toEqual({
      valid: false,
      reason: expect.stringContaining("must have required property 'subjectId'"),
    });
  });

  it.each(versions)('rejects %s carrying personal data it does not declare', (_label, type, version) => {
    const result = validator.validate(envelope(type, { ...sample(type, version), phone: '13812345678' }, version));
    expect(result).toEqual({ valid: false, reason: expect.stringContaining('must NOT have additional properties') });
  });

  it('requires the grant on PersonalDataRevealed v2 and keeps v1 as published', () => {
    const { grantId: _omitted, ...withoutGrant } = samples.PersonalDataRevealed;
    expect(validator.validate(envelope('PersonalDataRevealed', withoutGrant, 2))).toEqual({
      valid: false,
      reason: expect.stringContaining("must have required property 'grantId'"),
    });
    expect(validator.validate(envelope('PersonalDataRevealed', withoutGrant, 1))).toMatchObject({ valid: true });
  });

  it('rejects a phone number in place of a subject id', () => {
    const result = validator.validate(
      envelope('SubjectErased', { ...samples.SubjectErased, subjectId: '13812345678' }),
    );
    expect(result).toMatchObject({ valid: false });
  });
});
