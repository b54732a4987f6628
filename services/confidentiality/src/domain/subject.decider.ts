import { PERSONAL_DATA_FIELDS, PersonalDataField } from '@cx/contracts';
import type { Decider } from '@cx/domain';
import type { SubjectCommand } from './subject.commands';
import {
  LegalHoldApplies,
  LegalHoldNotFound,
  SubjectNotFound,
  SubjectRuleViolated,
  SubjectTransitionNotAllowed,
  SubjectWasErased,
} from './subject.errors';
import type { SubjectEvent } from './subject.events';
import { activeLegalHolds, currentConsents, RegisteredSubject, SubjectState } from './subject.state';
import { RetentionPolicy, retainUntil } from './retention/retention-policy';

/** The subject must be registered: an unknown one is not found, an erased one is gone. */
function requireRegistered(state: SubjectState, command: SubjectCommand): RegisteredSubject {
  if (state.status === 'not_registered') throw new SubjectNotFound(command.subjectId);
  if (state.status === 'erased') throw new SubjectWasErased(state.subjectId, state.erasedAt);
  return state;
}

/** Without a phone or an ID number the vault could not find the person again, nor keep them to one subject. */
function requireIdentifier(subjectId: string, categories: readonly PersonalDataField[]): void {
  if (!categories.includes('phone') && !categories.includes('idNumber')) {
    throw new SubjectRuleViolated(subjectId, 'phone', 'a subject needs a phone number or an ID number');
  }
}

const at = (command: { now: Date }) => command.now.toISOString();

export type SubjectDecider = Decider<SubjectCommand, SubjectEvent, SubjectState>;

/** The retention policy is the one rule from configuration: it says when EnforceRetention erases. */
export function createSubjectDecider(retention: RetentionPolicy): SubjectDecider {
  return {
    initialState: () => ({ status: 'not_registered' }),
    decide: (command, state) => decide(command, state, retention),
    evolve,
  };
}

function decide(command: SubjectCommand, state: SubjectState, retention: RetentionPolicy): SubjectEvent[] {
  const subjectId = command.subjectId;
  switch (command.type) {
    case 'RegisterSubject': {
      if (state.status !== 'not_registered') {
        throw new SubjectTransitionNotAllowed(subjectId, command.type, state.status, ['not_registered']);
      }
      requireIdentifier(subjectId, command.categories);
      return [
        { type: 'SubjectRegistered', data: { subjectId, categories: command.categories, registeredAt: at(command) } },
      ];
    }
    case 'CorrectSubject': {
      const current = requireRegistered(state, command);
      const { correctedFields, removedFields } = command;
      if (correctedFields.length === 0 && removedFields.length === 0) return [];
      if (removedFields.includes('name')) {
        throw new SubjectRuleViolated(subjectId, 'name', 'a subject always has a name');
      }
      requireIdentifier(subjectId, categoriesAfter(current.categories, correctedFields, removedFields));
      return [
        { type: 'SubjectCorrected', data: { subjectId, correctedFields, removedFields, correctedAt: at(command) } },
      ];
    }
    case 'RecordConsent': {
      const current = requireRegistered(state, command);
      const { purpose, decision } = command;
      if (command.decidedAt.getTime() > command.now.getTime()) {
        throw new SubjectRuleViolated(subjectId, 'decidedAt', 'must not be in the future');
      }
      const decidedAt = command.decidedAt.toISOString();
      const latest = currentConsents(current).find((c) => c.purpose === purpose);
      if (latest?.decision === decision && latest.decidedAt === decidedAt) return [];
      if (decision === 'withdrawn' && latest?.decision !== 'given') {
        throw new SubjectRuleViolated(
          subjectId,
          'decision',
          `no consent for ${purpose} is given, so none is withdrawn`,
        );
      }
      return [{ type: 'ConsentRecorded', data: { subjectId, purpose, decision, decidedAt, recordedAt: at(command) } }];
    }
    case 'RevealPersonalData': {
      const current = requireRegistered(state, command);
      const fields = command.fields ?? current.categories;
      const missing = fields.find((f) => !current.categories.includes(f));
      if (missing) throw new SubjectRuleViolated(subjectId, 'fields', `the subject has no ${missing}`);
      const { revealedTo, purpose, grantId } = command;
      return [
        {
          type: 'PersonalDataRevealed',
          data: { subjectId, fields, revealedTo, purpose, grantId, revealedAt: at(command) },
        },
      ];
    }
    case 'ExportSubjectData':
      requireRegistered(state, command);
      return [
        { type: 'SubjectDataExported', data: { subjectId, exportedBy: command.exportedBy, exportedAt: at(command) } },
      ];

    case 'PlaceLegalHold': {
      requireRegistered(state, command);
      const { holdId, reason, reference } = command;
      return [{ type: 'LegalHoldPlaced', data: { subjectId, holdId, reason, reference, placedAt: at(command) } }];
    }
    case 'ReleaseLegalHold': {
      const current = requireRegistered(state, command);
      if (!activeLegalHolds(current).some((h) => h.holdId === command.holdId)) {
        throw new LegalHoldNotFound(subjectId, command.holdId);
      }
      return [{ type: 'LegalHoldReleased', data: { subjectId, holdId: command.holdId, releasedAt: at(command) } }];
    }
    case 'EraseSubject': {
      const current = requireRegistered(state, command);
      const holds = activeLegalHolds(current);
      if (holds.length > 0) throw new LegalHoldApplies(subjectId, holds);
      return [{ type: 'SubjectErased', data: { subjectId, ground: command.ground, erasedAt: at(command) } }];
    }
    case 'EnforceRetention': {
      if (state.status === 'erased') return [];
      const current = requireRegistered(state, command);
      const until = retainUntil(current, retention);
      if (command.now.getTime() < until.getTime()) return [];
      const holds = activeLegalHolds(current);
      if (holds.length === 0) {
        return [{ type: 'SubjectErased', data: { subjectId, ground: 'retention_expired', erasedAt: at(command) } }];
      }
      const retainUntilAt = until.toISOString();
      if (current.erasureDeferral?.retainUntil === retainUntilAt) return [];
      const legalHoldIds = holds.map((h) => h.holdId);
      return [
        {
          type: 'SubjectErasureDeferred',
          data: { subjectId, retainUntil: retainUntilAt, legalHoldIds, deferredAt: at(command) },
        },
      ];
    }
    default:
      return exhaustive(command);
  }
}

function evolve(state: SubjectState, event: SubjectEvent): SubjectState {
  if (event.type === 'SubjectRegistered') {
    const { subjectId, categories, registeredAt } = event.data;
    return {
      status: 'registered',
      subjectId,
      categories,
      registeredAt,
      corrections: [],
      consents: [],
      legalHolds: [],
      disclosures: [],
      exports: [],
      erasureDeferral: null,
    };
  }
  if (state.status !== 'registered') return state;
  switch (event.type) {
    case 'SubjectCorrected': {
      const { subjectId: _id, ...correction } = event.data;
      return {
        ...state,
        categories: categoriesAfter(state.categories, correction.correctedFields, correction.removedFields),
        corrections: [...state.corrections, correction],
      };
    }
    case 'ConsentRecorded': {
      const { subjectId: _id, ...consent } = event.data;
      return { ...state, consents: [...state.consents, consent] };
    }
    case 'PersonalDataRevealed': {
      const { subjectId: _id, ...disclosure } = event.data;
      return { ...state, disclosures: [...state.disclosures, disclosure] };
    }
    case 'SubjectDataExported': {
      const { subjectId: _id, ...dataExport } = event.data;
      return { ...state, exports: [...state.exports, dataExport] };
    }
    case 'LegalHoldPlaced': {
      const { subjectId: _id, ...hold } = event.data;
      return { ...state, legalHolds: [...state.legalHolds, { ...hold, releasedAt: null }] };
    }
    case 'LegalHoldReleased': {
      const { holdId, releasedAt } = event.data;
      return {
        ...state,
        legalHolds: state.legalHolds.map((h) => (h.holdId === holdId ? { ...h, releasedAt } : h)),
      };
    }
    case 'SubjectErasureDeferred': {
      const { subjectId: _id, ...deferral } = event.data;
      return { ...state, erasureDeferral: deferral };
    }
    case 'SubjectErased': {
      const { subjectId, ground, erasedAt } = event.data;
      return { status: 'erased', subjectId, ground, erasedAt };
    }
    default:
      return exhaustive(event);
  }
}

/** The categories held after a correction, in the contract's order. */
function categoriesAfter(
  categories: readonly PersonalDataField[],
  correctedFields: readonly PersonalDataField[],
  removedFields: readonly PersonalDataField[],
): PersonalDataField[] {
  const held = new Set([...categories, ...correctedFields].filter((f) => !removedFields.includes(f)));
  return PERSONAL_DATA_FIELDS.filter((f) => held.has(f));
}

function exhaustive(value: never): never {
  throw new Error(`Unhandled: ${JSON.stringify(value)}`);
}
