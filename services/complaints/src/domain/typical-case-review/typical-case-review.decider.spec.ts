import { EventValidator } from '@cx/contracts';
import { fold } from '@cx/domain';
import { spec } from '@cx/testing';
import { DEFAULT_SLA_POLICY } from '../sla/sla-policy';
import type { MarkTypicalCase, TypicalCaseReviewCommand } from './typical-case-review.commands';
import { createTypicalCaseReviewDecider } from './typical-case-review.decider';
import {
  ImprovementActionConflict,
  ImprovementActionNotFound,
  NotTheActionOwner,
  TypicalCaseReviewNotFound,
  TypicalCaseReviewNotReadyToConclude,
  TypicalCaseReviewRuleViolated,
  TypicalCaseReviewTransitionNotAllowed,
} from './typical-case-review.errors';
import type { TypicalCaseReviewEvent } from './typical-case-review.events';

const decider = createTypicalCaseReviewDecider(DEFAULT_SLA_POLICY.calendar);

const reviewId = '2c4e6a8b-1d3f-4a5b-9c7d-8e9f0a1b2c3d';
const complaintId = '0f8e3f5e-8a8e-4c55-9a55-6f2b0c7d1a11';
const firstAction = '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d';
const secondAction = '6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e';
// 01:30 on 26 November in Beijing: still 25 November in UTC.
const now = new Date('2026-11-25T17:30:00.000Z');
const t = now.toISOString();
const on = { reviewId, now };

const mark: MarkTypicalCase = {
  type: 'MarkTypicalCase',
  complaintId,
  complaint: { project: 'SH-PUDONG-07', region: 'east-china', category: 'housing_quality', severity: 'high' },
  reason: 'Third leak through a bathroom ceiling in this phase',
  markedBy: 'reviewer-3',
  ...on,
};
const marked: TypicalCaseReviewEvent = {
  type: 'TypicalCaseMarked',
  data: {
    reviewId,
    complaintId,
    project: 'SH-PUDONG-07',
    region: 'east-china',
    category: 'housing_quality',
    severity: 'high',
    reason: mark.reason,
    markedBy: 'reviewer-3',
    markedAt: t,
  },
};
const recordRootCause = (
  rootCauseCategory: 'construction_quality' | 'supplier' = 'construction_quality',
  businessProblem = 'Waterproofing skipped under time pressure before handover',
): TypicalCaseReviewCommand => ({ type: 'RecordRootCause', rootCauseCategory, businessProblem, ...on });
const rootCauseRecorded: TypicalCaseReviewEvent = {
  type: 'RootCauseRecorded',
  data: {
    reviewId,
    rootCauseCategory: 'construction_quality',
    businessProblem: 'Waterproofing skipped under time pressure before handover',
    previousRootCauseCategory: null,
    recordedAt: t,
  },
};
const addAction = (actionId = firstAction, dueDate = '2026-12-31'): TypicalCaseReviewCommand => ({
  type: 'AddImprovementAction',
  actionId,
  description: 'Add a waterproofing inspection to the pre-handover checklist',
  ownerId: 'pm-east-12',
  dueDate,
  ...on,
});
const actionAdded = (actionId = firstAction, dueDate = '2026-12-31'): TypicalCaseReviewEvent => ({
  type: 'ImprovementActionAdded',
  data: {
    reviewId,
    actionId,
    description: 'Add a waterproofing inspection to the pre-handover checklist',
    ownerId: 'pm-east-12',
    dueDate,
    addedAt: t,
  },
});
const complete = (
  completedBy = 'pm-east-12',
  byReviewer = false,
  actionId = firstAction,
): TypicalCaseReviewCommand => ({
  type: 'CompleteImprovementAction',
  actionId,
  completedBy,
  byReviewer,
  note: 'Checklist updated and rolled out to all sites',
  ...on,
});
const completed = (completedBy = 'pm-east-12', actionId = firstAction): TypicalCaseReviewEvent => ({
  type: 'ImprovementActionCompleted',
  data: { reviewId, actionId, completedBy, note: 'Checklist updated and rolled out to all sites', completedAt: t },
});
const verify = (actionId = firstAction): TypicalCaseReviewCommand => ({
  type: 'VerifyImprovementAction',
  actionId,
  verifiedBy: 'reviewer-3',
  ...on,
});
const verified = (actionId = firstAction): TypicalCaseReviewEvent => ({
  type: 'ImprovementActionVerified',
  data: { reviewId, actionId, verifiedBy: 'reviewer-3', verifiedAt: t },
});
const sendBack: TypicalCaseReviewCommand = {
  type: 'SendBackImprovementAction',
  actionId: firstAction,
  reason: 'Two sites still use the old checklist',
  ...on,
};
const sentBack: TypicalCaseReviewEvent = {
  type: 'ImprovementActionSentBack',
  data: { reviewId, actionId: firstAction, reason: 'Two sites still use the old checklist', sentBackAt: t },
};
const conclude: TypicalCaseReviewCommand = {
  type: 'ConcludeTypicalCaseReview',
  conclusion: 'Inspections before handover, not after the first complaint',
  ...on,
};
const concluded: TypicalCaseReviewEvent = {
  type: 'TypicalCaseReviewConcluded',
  data: { reviewId, conclusion: 'Inspections before handover, not after the first complaint', concludedAt: t },
};

const whenOpen = [marked];
const withAction = [marked, rootCauseRecorded, actionAdded()];
const whenCompleted = [...withAction, completed()];
const whenReady = [...whenCompleted, verified()];
const whenConcluded = [...whenReady, concluded];

describe('TypicalCaseReview', () => {
  describe('when not marked', () => {
    it('marks the complaint as a typical case, copying its project, region, category and severity', () => {
      spec(decider).given([]).when(mark).then([marked]);
    });

    it('refuses a complaint that does not exist, naming the field', () => {
      spec(decider)
        .given([])
        .when({ ...mark, complaint: null })
        .thenThrows(TypicalCaseReviewRuleViolated, { complaintId, field: 'complaintId' });
    });

    it.each([recordRootCause(), addAction(), complete(), verify(), sendBack, conclude])(
      'refuses $type as not found',
      (command) => {
        spec(decider).given([]).when(command).thenThrows(TypicalCaseReviewNotFound, { reviewId });
      },
    );
  });

  describe('when open', () => {
    it('refuses to be marked twice, naming its state', () => {
      spec(decider)
        .given(whenOpen)
        .when(mark)
        .thenThrows(TypicalCaseReviewTransitionNotAllowed, { currentState: 'open', allowedStates: ['not_marked'] });
    });

    it('records the root cause and the business problem found', () => {
      spec(decider).given(whenOpen).when(recordRootCause()).then([rootCauseRecorded]);
    });

    it('revises the root cause, naming the category it replaces', () => {
      spec(decider)
        .given([...whenOpen, rootCauseRecorded])
        .when(recordRootCause('supplier', 'Membrane supplier delivered an out-of-spec batch'))
        .then([
          {
            type: 'RootCauseRecorded',
            data: {
              reviewId,
              rootCauseCategory: 'supplier',
              businessProblem: 'Membrane supplier delivered an out-of-spec batch',
              previousRootCauseCategory: 'construction_quality',
              recordedAt: t,
            },
          },
        ]);
    });

    it('changes nothing when the same root cause is recorded again', () => {
      spec(decider)
        .given([...whenOpen, rootCauseRecorded])
        .when(recordRootCause())
        .then([]);
    });

    it('adds an improvement action with an owner and a due date', () => {
      spec(decider).given(whenOpen).when(addAction()).then([actionAdded()]);
    });

    it('takes a due date of today in the group’s time zone, though it is yesterday in UTC', () => {
      spec(decider)
        .given(whenOpen)
        .when(addAction(firstAction, '2026-11-26'))
        .then([actionAdded(firstAction, '2026-11-26')]);
    });

    it('refuses a due date in the past, naming the field', () => {
      spec(decider)
        .given(whenOpen)
        .when(addAction(firstAction, '2026-11-25'))
        .thenThrows(TypicalCaseReviewRuleViolated, { reviewId, field: 'dueDate' });
    });

    it('cannot be concluded without a root cause', () => {
      spec(decider)
        .given([...whenOpen, actionAdded()])
        .when(conclude)
        .thenThrows(TypicalCaseReviewNotReadyToConclude, {
          currentState: 'open',
          rule: 'a root cause must be recorded first',
        });
    });

    it('cannot be concluded without an improvement action', () => {
      spec(decider)
        .given([...whenOpen, rootCauseRecorded])
        .when(conclude)
        .thenThrows(TypicalCaseReviewNotReadyToConclude, { rule: 'it needs at least one improvement action' });
    });

    it('cannot be concluded while an action is unverified, naming each one', () => {
      spec(decider)
        .given([...whenCompleted, actionAdded(secondAction)])
        .when(conclude)
        .thenThrows(TypicalCaseReviewNotReadyToConclude, {
          rule: 'every improvement action must be verified',
          unverifiedActions: [
            { actionId: firstAction, status: 'completed' },
            { actionId: secondAction, status: 'open' },
          ],
        });
    });

    it('answers not found for an unknown action', () => {
      spec(decider)
        .given(withAction)
        .when(complete('pm-east-12', false, secondAction))
        .thenThrows(ImprovementActionNotFound, { actionId: secondAction });
    });
  });

  describe('when an action is open', () => {
    it('is completed by its owner with a note', () => {
      spec(decider).given(withAction).when(complete()).then([completed()]);
    });

    it('is completed by a reviewer for its owner', () => {
      spec(decider)
        .given(withAction)
        .when(complete('reviewer-3', true))
        .then([completed('reviewer-3')]);
    });

    it('refuses a completion from anyone else', () => {
      spec(decider)
        .given(withAction)
        .when(complete('pm-west-4', false))
        .thenThrows(NotTheActionOwner, { actionId: firstAction });
    });

    it.each([verify(), sendBack])('refuses $type before completion, naming its state', (command) => {
      spec(decider)
        .given(withAction)
        .when(command)
        .thenThrows(ImprovementActionConflict, { actionId: firstAction, currentState: 'open' });
    });
  });

  describe('when an action is completed', () => {
    it('is verified by a reviewer', () => {
      spec(decider).given(whenCompleted).when(verify()).then([verified()]);
    });

    it('is sent back with a reason, and its owner completes it again', () => {
      spec(decider).given(whenCompleted).when(sendBack).then([sentBack]);
      spec(decider)
        .given([...whenCompleted, sentBack])
        .when(complete())
        .then([completed()]);
    });

    it('refuses a second completion, naming its state', () => {
      spec(decider)
        .given(whenCompleted)
        .when(complete())
        .thenThrows(ImprovementActionConflict, { currentState: 'completed' });
    });
  });

  describe('when every action is verified', () => {
    it('refuses to verify or send back a verified action', () => {
      spec(decider).given(whenReady).when(verify()).thenThrows(ImprovementActionConflict, { currentState: 'verified' });
      spec(decider).given(whenReady).when(sendBack).thenThrows(ImprovementActionConflict, { currentState: 'verified' });
    });

    it('is concluded with its lessons', () => {
      spec(decider).given(whenReady).when(conclude).then([concluded]);
    });
  });

  describe('when concluded', () => {
    it.each([mark, recordRootCause('supplier'), addAction(secondAction), complete(), verify(), sendBack, conclude])(
      'refuses $type, naming its state',
      (command) => {
        spec(decider)
          .given(whenConcluded)
          .when(command)
          .thenThrows(TypicalCaseReviewTransitionNotAllowed, { currentState: 'concluded' });
      },
    );

    it('keeps every step of each action’s trail', () => {
      const state = fold(decider, [...whenCompleted, sentBack, completed('reviewer-3'), verified(), concluded]);
      if (state.status !== 'concluded') throw new Error('concluded expected');
      expect(state.rootCause.category).toBe('construction_quality');
      expect(state.actions[0].steps.map((s) => [s.step, s.by])).toEqual([
        ['added', null],
        ['completed', 'pm-east-12'],
        ['sent_back', null],
        ['completed', 'reviewer-3'],
        ['verified', 'reviewer-3'],
      ]);
    });
  });

  describe('its events', () => {
    it('all match the published JSON Schemas', () => {
      const validator = new EventValidator();
      const events = [...whenCompleted, sentBack, completed(), verified(), concluded];
      for (const [i, event] of events.entries()) {
        const result = validator.validate(envelopeOf(event, i + 1));
        expect({ type: event.type, result }).toEqual({
          type: event.type,
          result: expect.objectContaining({ valid: true }),
        });
      }
    });

    it('refuse a customer id in a typical case', () => {
      const result = new EventValidator().validate(
        envelopeOf({ ...marked, data: { ...marked.data, customerId: 'subj_7Hq2kLm9Xa' } } as TypicalCaseReviewEvent, 1),
      );
      expect(result).toMatchObject({ valid: false });
    });

    it('refuse a due date that is not a calendar date', () => {
      const result = new EventValidator().validate(envelopeOf(actionAdded(firstAction, '2026-12-31T00:00:00Z'), 3));
      expect(result).toMatchObject({ valid: false });
    });
  });
});

function envelopeOf(event: TypicalCaseReviewEvent, streamVersion: number) {
  return {
    id: '6a1f7c1e-2b1d-4f3a-9a0e-1c2d3e4f5a6b',
    type: event.type,
    schemaVersion: 1,
    streamId: reviewId,
    streamType: 'TypicalCaseReview',
    streamVersion,
    position: String(streamVersion),
    occurredAt: t,
    correlationId: 'c-1',
    causationId: null,
    actor: { type: 'user', id: 'reviewer-3' },
    data: event.data,
  };
}
