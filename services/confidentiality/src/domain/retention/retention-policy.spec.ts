import type { SubjectEvent } from '../subject.events';
import { fold } from '@cx/domain';
import { createSubjectDecider } from '../subject.decider';
import { addMonths, DEFAULT_RETENTION_POLICY, nextRetentionCheck, retainUntil } from './retention-policy';

const subjectId = 'subj_4kT9wQ2mZp7LxR3vB8nC5dYh';
const holdId = '9b2f4c6d-8e0a-4b1c-9d2e-3f4a5b6c7d8e';
const decider = createSubjectDecider(DEFAULT_RETENTION_POLICY);
const stateAfter = (...events: SubjectEvent[]) => fold(decider, events);
const registered: SubjectEvent = {
  type: 'SubjectRegistered',
  data: { subjectId, categories: ['name', 'phone'], registeredAt: '2026-08-31T10:00:00.000Z' },
};
const holdPlaced: SubjectEvent = {
  type: 'LegalHoldPlaced',
  data: { subjectId, holdId, reason: 'litigation', reference: 'case-1', placedAt: '2027-01-01T00:00:00.000Z' },
};
const deferred: SubjectEvent = {
  type: 'SubjectErasureDeferred',
  data: {
    subjectId,
    retainUntil: '2029-08-31T10:00:00.000Z',
    legalHoldIds: [holdId],
    deferredAt: '2029-09-01T00:00:00.000Z',
  },
};

describe('retention', () => {
  describe('calendar months', () => {
    it.each([
      ['2026-01-15T08:30:00.000Z', 1, '2026-02-15T08:30:00.000Z'],
      ['2026-08-31T10:00:00.000Z', 1, '2026-09-30T10:00:00.000Z'],
      ['2028-02-29T00:00:00.000Z', 12, '2029-02-28T00:00:00.000Z'],
      ['2026-11-30T23:59:59.000Z', 36, '2029-11-30T23:59:59.000Z'],
    ])('%s plus %i months is %s (a missing day becomes the month end)', (from, months, expected) => {
      expect(addMonths(new Date(from), months).toISOString()).toBe(expected);
    });
  });

  it('keeps a subject 36 months by default, from its registration', () => {
    const state = stateAfter(registered);
    expect(state.status === 'registered' && retainUntil(state, DEFAULT_RETENTION_POLICY).toISOString()).toBe(
      '2029-08-31T10:00:00.000Z',
    );
  });

  describe('the next check', () => {
    it('is the end of the retention period', () => {
      expect(nextRetentionCheck(stateAfter(registered), DEFAULT_RETENTION_POLICY)?.toISOString()).toBe(
        '2029-08-31T10:00:00.000Z',
      );
    });

    it('waits for the release of a hold once the erasure was deferred, and is due again after it', () => {
      expect(nextRetentionCheck(stateAfter(registered, holdPlaced, deferred), DEFAULT_RETENTION_POLICY)).toBeNull();
      const released: SubjectEvent = {
        type: 'LegalHoldReleased',
        data: { subjectId, holdId, releasedAt: '2030-01-01T00:00:00.000Z' },
      };
      expect(
        nextRetentionCheck(
          stateAfter(registered, holdPlaced, deferred, released),
          DEFAULT_RETENTION_POLICY,
        )?.toISOString(),
      ).toBe('2029-08-31T10:00:00.000Z');
    });

    it('is never, for an erased subject', () => {
      const erased: SubjectEvent = {
        type: 'SubjectErased',
        data: { subjectId, ground: 'subject_request', erasedAt: '2027-01-01T00:00:00.000Z' },
      };
      expect(nextRetentionCheck(stateAfter(registered, erased), DEFAULT_RETENTION_POLICY)).toBeNull();
    });
  });
});
