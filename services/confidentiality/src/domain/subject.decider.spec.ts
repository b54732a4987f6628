import { EventValidator, PersonalDataField, subjectEventSchemas } from '@cx/contracts';
import { spec } from '@cx/testing';
import { DEFAULT_RETENTION_POLICY } from './retention/retention-policy';
import type { RegisterSubject, RevealPersonalData, SubjectCommand } from './subject.commands';
import { createSubjectDecider } from './subject.decider';
import {
  LegalHoldApplies,
  LegalHoldNotFound,
  SubjectNotFound,
  SubjectRuleViolated,
  SubjectTransitionNotAllowed,
  SubjectWasErased,
} from './subject.errors';
import type { SubjectEvent } from './subject.events';

const subjectId = 'subj_4kT9wQ2mZp7LxR3vB8nC5dYh';
const subjectDecider = createSubjectDecider(DEFAULT_RETENTION_POLICY);
const holdId = '9b2f4c6d-8e0a-4b1c-9d2e-3f4a5b6c7d8e';
const grantId = '4c1d2e3f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const otherHoldId = '0c3a5e7f-9b1d-4c2e-8f3a-4b5c6d7e8f90';
const now = new Date('2026-11-25T09:00:00.000Z');
const t = now.toISOString();
const registeredTime = '2026-11-20T02:00:00.000Z';
const on = { subjectId, now };

const register = (categories: RegisterSubject['categories'] = ['name', 'phone']): SubjectCommand => ({
  type: 'RegisterSubject',
  categories,
  ...on,
});
const registered: SubjectEvent = {
  type: 'SubjectRegistered',
  data: { subjectId, categories: ['name', 'phone', 'email'], registeredAt: registeredTime },
};
const correct = (correctedFields: PersonalDataField[], removedFields: PersonalDataField[] = []): SubjectCommand => ({
  type: 'CorrectSubject',
  correctedFields,
  removedFields,
  ...on,
});
const corrected = (correctedFields: PersonalDataField[], removedFields: PersonalDataField[] = []): SubjectEvent => ({
  type: 'SubjectCorrected',
  data: { subjectId, correctedFields, removedFields, correctedAt: t },
});
const consent = (decision: 'given' | 'withdrawn', decidedAt = '2026-11-24T08:00:00.000Z'): SubjectCommand => ({
  type: 'RecordConsent',
  purpose: 'satisfaction_surveys',
  decision,
  decidedAt: new Date(decidedAt),
  ...on,
});
const consentRecorded = (decision: 'given' | 'withdrawn', decidedAt = '2026-11-24T08:00:00.000Z'): SubjectEvent => ({
  type: 'ConsentRecorded',
  data: { subjectId, purpose: 'satisfaction_surveys', decision, decidedAt, recordedAt: t },
});
const reveal = (fields: RevealPersonalData['fields'] = null): SubjectCommand => ({
  type: 'RevealPersonalData',
  fields,
  revealedTo: 'agent-7',
  purpose: 'service_callback',
  grantId,
  ...on,
});
const exportData: SubjectCommand = { type: 'ExportSubjectData', exportedBy: 'dpo-1', ...on };
const placeHold = (id = holdId): SubjectCommand => ({
  type: 'PlaceLegalHold',
  holdId: id,
  reason: 'litigation',
  reference: '(2026)沪0115民初12345号',
  ...on,
});
const holdPlaced = (id = holdId): SubjectEvent => ({
  type: 'LegalHoldPlaced',
  data: { subjectId, holdId: id, reason: 'litigation', reference: '(2026)沪0115民初12345号', placedAt: t },
});
const releaseHold = (id = holdId): SubjectCommand => ({ type: 'ReleaseLegalHold', holdId: id, ...on });
const holdReleased = (id = holdId): SubjectEvent => ({
  type: 'LegalHoldReleased',
  data: { subjectId, holdId: id, releasedAt: t },
});
const erase: SubjectCommand = { type: 'EraseSubject', ground: 'subject_request', ...on };
const erased: SubjectEvent = { type: 'SubjectErased', data: { subjectId, ground: 'subject_request', erasedAt: t } };

const enforceRetention = (at: string): SubjectCommand => ({ type: 'EnforceRetention', subjectId, now: new Date(at) });
/** name 24 months, phone 12, email 6: a subject holding all three is kept 24 months. */
const retainedBy = createSubjectDecider({ months: { name: 24, phone: 12, idNumber: 12, email: 6, address: 6 } });
const erasedForRetention = (at: string): SubjectEvent => ({
  type: 'SubjectErased',
  data: { subjectId, ground: 'retention_expired', erasedAt: at },
});
const deferred = (at: string, holdIds = [holdId]): SubjectEvent => ({
  type: 'SubjectErasureDeferred',
  data: { subjectId, retainUntil: '2028-11-20T02:00:00.000Z', legalHoldIds: holdIds, deferredAt: at },
});

const everyCommandOnASubject = [
  correct(['phone']),
  consent('given'),
  reveal(),
  exportData,
  placeHold(),
  releaseHold(),
  erase,
];

describe('Subject', () => {
  describe('when not registered', () => {
    it('registers the subject with the categories of data the vault holds, no values', () => {
      spec(subjectDecider)
        .given([])
        .when(register(['name', 'phone', 'idNumber']))
        .then([
          {
            type: 'SubjectRegistered',
            data: { subjectId, categories: ['name', 'phone', 'idNumber'], registeredAt: t },
          },
        ]);
    });

    it('registers a subject known by ID number only', () => {
      spec(subjectDecider)
        .given([])
        .when(register(['name', 'idNumber']))
        .then([{ type: 'SubjectRegistered', data: { subjectId, categories: ['name', 'idNumber'], registeredAt: t } }]);
    });

    it('refuses a subject with neither phone nor ID number: it could not be found again', () => {
      spec(subjectDecider)
        .given([])
        .when(register(['name', 'email', 'address']))
        .thenThrows(SubjectRuleViolated, { subjectId, field: 'phone' });
    });

    it.each(everyCommandOnASubject)('refuses $type as not found', (command) => {
      spec(subjectDecider).given([]).when(command).thenThrows(SubjectNotFound, { subjectId });
    });
  });

  describe('when registered', () => {
    it('refuses a second registration of the same subject id', () => {
      spec(subjectDecider)
        .given([registered])
        .when(register())
        .thenThrows(SubjectTransitionNotAllowed, { currentState: 'registered', allowedStates: ['not_registered'] });
    });

    describe('correction', () => {
      it('names the categories corrected and removed, never their values', () => {
        spec(subjectDecider)
          .given([registered])
          .when(correct(['phone', 'idNumber'], ['email']))
          .then([corrected(['phone', 'idNumber'], ['email'])]);
      });

      it('records nothing when nothing changed', () => {
        spec(subjectDecider).given([registered]).when(correct([])).then([]);
      });

      it('keeps the name: it cannot be removed', () => {
        spec(subjectDecider)
          .given([registered])
          .when(correct([], ['name']))
          .thenThrows(SubjectRuleViolated, { field: 'name' });
      });

      it('refuses to remove the last of phone and ID number', () => {
        spec(subjectDecider)
          .given([registered])
          .when(correct([], ['phone']))
          .thenThrows(SubjectRuleViolated, { field: 'phone', rule: 'a subject needs a phone number or an ID number' });
      });

      it('removes the phone once an ID number was added', () => {
        spec(subjectDecider)
          .given([registered, corrected(['idNumber'])])
          .when(correct([], ['phone']))
          .then([corrected([], ['phone'])]);
      });

      it('counts a phone added in the same correction as the one removed', () => {
        spec(subjectDecider)
          .given([registered])
          .when(correct(['idNumber'], ['phone']))
          .then([corrected(['idNumber'], ['phone'])]);
      });
    });

    describe('consent', () => {
      it('records consent given for a purpose, with the date the subject decided', () => {
        spec(subjectDecider)
          .given([registered])
          .when(consent('given'))
          .then([consentRecorded('given')]);
      });

      it('records a withdrawal of consent that was given', () => {
        spec(subjectDecider)
          .given([registered, consentRecorded('given')])
          .when(consent('withdrawn', '2026-11-25T08:00:00.000Z'))
          .then([consentRecorded('withdrawn', '2026-11-25T08:00:00.000Z')]);
      });

      it('refuses to withdraw consent that was never given', () => {
        spec(subjectDecider)
          .given([registered])
          .when(consent('withdrawn'))
          .thenThrows(SubjectRuleViolated, { field: 'decision' });
      });

      it('refuses to withdraw consent already withdrawn', () => {
        spec(subjectDecider)
          .given([registered, consentRecorded('given'), consentRecorded('withdrawn', '2026-11-24T09:00:00.000Z')])
          .when(consent('withdrawn', '2026-11-25T08:00:00.000Z'))
          .thenThrows(SubjectRuleViolated, { field: 'decision' });
      });

      it('records nothing when the same decision of the same date is recorded again', () => {
        spec(subjectDecider)
          .given([registered, consentRecorded('given')])
          .when(consent('given'))
          .then([]);
      });

      it('records consent given again later (a renewal)', () => {
        spec(subjectDecider)
          .given([registered, consentRecorded('given')])
          .when(consent('given', '2026-11-25T08:00:00.000Z'))
          .then([consentRecorded('given', '2026-11-25T08:00:00.000Z')]);
      });

      it('refuses a decision dated in the future', () => {
        spec(subjectDecider)
          .given([registered])
          .when(consent('given', '2026-11-26T00:00:00.000Z'))
          .thenThrows(SubjectRuleViolated, { field: 'decidedAt', rule: 'must not be in the future' });
      });
    });

    describe('unmasked reads and exports', () => {
      it('records who saw which categories in clear, why, and under which grant', () => {
        spec(subjectDecider)
          .given([registered])
          .when(reveal(['phone']))
          .then([
            {
              type: 'PersonalDataRevealed',
              data: {
                subjectId,
                fields: ['phone'],
                revealedTo: 'agent-7',
                purpose: 'service_callback',
                grantId,
                revealedAt: t,
              },
            },
          ]);
      });

      it('reveals every category the subject has when none is named', () => {
        spec(subjectDecider)
          .given([registered, corrected(['idNumber'], ['email'])])
          .when(reveal())
          .then([
            {
              type: 'PersonalDataRevealed',
              data: {
                subjectId,
                fields: ['name', 'phone', 'idNumber'],
                revealedTo: 'agent-7',
                purpose: 'service_callback',
                grantId,
                revealedAt: t,
              },
            },
          ]);
      });

      it('refuses to reveal a category the subject does not have', () => {
        spec(subjectDecider)
          .given([registered])
          .when(reveal(['phone', 'idNumber']))
          .thenThrows(SubjectRuleViolated, { field: 'fields', rule: 'the subject has no idNumber' });
      });

      it('records a data-subject export and who made it', () => {
        spec(subjectDecider)
          .given([registered])
          .when(exportData)
          .then([{ type: 'SubjectDataExported', data: { subjectId, exportedBy: 'dpo-1', exportedAt: t } }]);
      });
    });

    describe('legal holds and erasure', () => {
      it('erases a subject without a legal hold, with its ground', () => {
        spec(subjectDecider).given([registered]).when(erase).then([erased]);
      });

      it('places a legal hold with its reason and reference', () => {
        spec(subjectDecider).given([registered]).when(placeHold()).then([holdPlaced()]);
      });

      it('refuses erasure while a legal hold applies, naming it', () => {
        spec(subjectDecider)
          .given([registered, holdPlaced()])
          .when(erase)
          .thenThrows(LegalHoldApplies, {
            subjectId,
            legalHolds: [{ holdId, reason: 'litigation', reference: '(2026)沪0115民初12345号', placedAt: t }],
          });
      });

      it('refuses erasure while one of two holds is still in force', () => {
        spec(subjectDecider)
          .given([registered, holdPlaced(), holdPlaced(otherHoldId), holdReleased()])
          .when(erase)
          .thenThrows(LegalHoldApplies, { legalHolds: [expect.objectContaining({ holdId: otherHoldId })] });
      });

      it('releases a hold in force', () => {
        spec(subjectDecider).given([registered, holdPlaced()]).when(releaseHold()).then([holdReleased()]);
      });

      it('erases once every hold is released', () => {
        spec(subjectDecider).given([registered, holdPlaced(), holdReleased()]).when(erase).then([erased]);
      });

      it('refuses to release a hold that is not in force', () => {
        spec(subjectDecider)
          .given([registered, holdPlaced(), holdReleased()])
          .when(releaseHold())
          .thenThrows(LegalHoldNotFound, { subjectId, holdId });
      });

      it('refuses to release an unknown hold', () => {
        spec(subjectDecider)
          .given([registered])
          .when(releaseHold(otherHoldId))
          .thenThrows(LegalHoldNotFound, { holdId: otherHoldId });
      });
    });
  });

  describe('when its retention period runs out', () => {
    it('keeps the subject until the longest period among the categories it holds has run', () => {
      spec(retainedBy).given([registered]).when(enforceRetention('2028-11-20T01:59:59.999Z')).then([]);
    });

    it('erases it then, on the ground retention_expired', () => {
      spec(retainedBy)
        .given([registered])
        .when(enforceRetention('2028-11-20T02:00:00.000Z'))
        .then([erasedForRetention('2028-11-20T02:00:00.000Z')]);
    });

    it('counts the period from the last correction: the person gave the data again', () => {
      const correctedLater: SubjectEvent = {
        type: 'SubjectCorrected',
        data: { subjectId, correctedFields: ['phone'], removedFields: [], correctedAt: '2027-05-01T00:00:00.000Z' },
      };
      spec(retainedBy).given([registered, correctedLater]).when(enforceRetention('2029-04-30T23:00:00.000Z')).then([]);
      spec(retainedBy)
        .given([registered, correctedLater])
        .when(enforceRetention('2029-05-01T00:00:00.000Z'))
        .then([erasedForRetention('2029-05-01T00:00:00.000Z')]);
    });

    it('defers the erasure under a legal hold and reports it, naming the holds', () => {
      spec(retainedBy)
        .given([registered, holdPlaced(), holdPlaced(otherHoldId)])
        .when(enforceRetention('2028-12-01T00:00:00.000Z'))
        .then([deferred('2028-12-01T00:00:00.000Z', [holdId, otherHoldId])]);
    });

    it('reports a deferral once, however often the job looks', () => {
      spec(retainedBy)
        .given([registered, holdPlaced(), deferred('2028-12-01T00:00:00.000Z')])
        .when(enforceRetention('2029-01-01T00:00:00.000Z'))
        .then([]);
    });

    it('erases once the last hold is released', () => {
      spec(retainedBy)
        .given([registered, holdPlaced(), deferred('2028-12-01T00:00:00.000Z'), holdReleased()])
        .when(enforceRetention('2029-01-01T00:00:00.000Z'))
        .then([erasedForRetention('2029-01-01T00:00:00.000Z')]);
    });

    it('does nothing for a subject already erased: never twice', () => {
      spec(retainedBy).given([registered, erased]).when(enforceRetention('2030-01-01T00:00:00.000Z')).then([]);
    });

    it('refuses an unknown subject as not found', () => {
      spec(retainedBy).given([]).when(enforceRetention('2030-01-01T00:00:00.000Z')).thenThrows(SubjectNotFound);
    });
  });

  describe('when erased', () => {
    it.each(everyCommandOnASubject)('refuses $type as gone, with the time of erasure', (command) => {
      spec(subjectDecider).given([registered, erased]).when(command).thenThrows(SubjectWasErased, {
        subjectId,
        erasedAt: t,
      });
    });

    it('refuses a registration under the erased id', () => {
      spec(subjectDecider)
        .given([registered, erased])
        .when(register())
        .thenThrows(SubjectTransitionNotAllowed, { currentState: 'erased' });
    });
  });

  describe('published events', () => {
    const validator = new EventValidator();
    const everyEvent = [
      registered,
      corrected(['phone'], ['email']),
      consentRecorded('given'),
      holdPlaced(),
      holdReleased(),
      erased,
      deferred(t),
      ...subjectDecider.decide(reveal(), subjectDecider.evolve(subjectDecider.initialState(), registered)),
      ...subjectDecider.decide(exportData, subjectDecider.evolve(subjectDecider.initialState(), registered)),
    ];

    it.each(everyEvent.map((e) => [e.type, e] as const))('match the published schema: %s', (_type, event) => {
      const envelope = {
        id: '3f2b1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d',
        type: event.type,
        schemaVersion: Math.max(...Object.keys(subjectEventSchemas[event.type]).map(Number)),
        streamId: subjectId,
        streamType: 'Subject',
        streamVersion: 1,
        position: '1',
        occurredAt: t,
        correlationId: 'c-1',
        causationId: null,
        actor: { type: 'user', id: 'dpo-1' },
        data: event.data,
      };
      expect(validator.validate(envelope)).toMatchObject({ valid: true });
    });
  });
});
