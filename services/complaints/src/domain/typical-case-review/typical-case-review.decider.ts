import type { Decider } from '@cx/domain';
import type { BusinessCalendar } from '../sla/business-calendar';
import type { TypicalCaseReviewCommand } from './typical-case-review.commands';
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
import type {
  ImprovementAction,
  ImprovementActionStep,
  MarkedReview,
  TypicalCaseReviewState,
} from './typical-case-review.state';

type OpenReview = Extract<TypicalCaseReviewState, { status: 'open' }>;
/** Where the group works: due dates are calendar dates there. */
type GroupTimeZone = Pick<BusinessCalendar, 'utcOffsetMinutes'>;

/** The review must exist and be open: once concluded it is a record, not a worklist. */
function requireOpen(state: TypicalCaseReviewState, command: TypicalCaseReviewCommand): OpenReview {
  if (state.status === 'not_marked') throw new TypicalCaseReviewNotFound(command.reviewId);
  if (state.status !== 'open') {
    throw new TypicalCaseReviewTransitionNotAllowed(command.reviewId, command.type, state.status, ['open']);
  }
  return state;
}

function requireAction(state: OpenReview, actionId: string, needed: ImprovementAction['status']): ImprovementAction {
  const action = state.actions.find((a) => a.actionId === actionId);
  if (!action) throw new ImprovementActionNotFound(state.reviewId, actionId);
  if (action.status !== needed) throw new ImprovementActionConflict(state.reviewId, actionId, action.status, needed);
  return action;
}

const at = (command: { now: Date }) => command.now.toISOString();

function localDate(now: Date, timeZone: GroupTimeZone): string {
  return new Date(now.getTime() + timeZone.utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

export type TypicalCaseReviewDecider = Decider<
  TypicalCaseReviewCommand,
  TypicalCaseReviewEvent,
  TypicalCaseReviewState
>;

/** The review's rules in the group's time zone (configuration, so it is passed in). */
export function createTypicalCaseReviewDecider(timeZone: GroupTimeZone): TypicalCaseReviewDecider {
  return {
    initialState: () => ({ status: 'not_marked' }),
    decide: (command, state) => decide(command, state, timeZone),
    evolve,
  };
}

function decide(
  command: TypicalCaseReviewCommand,
  state: TypicalCaseReviewState,
  timeZone: GroupTimeZone,
): TypicalCaseReviewEvent[] {
  const reviewId = command.reviewId;
  switch (command.type) {
    case 'MarkTypicalCase': {
      if (state.status !== 'not_marked') {
        throw new TypicalCaseReviewTransitionNotAllowed(reviewId, command.type, state.status, ['not_marked']);
      }
      const { complaintId, complaint, reason, markedBy } = command;
      if (complaint === null) {
        throw new TypicalCaseReviewRuleViolated({ complaintId }, 'complaintId', 'must name an existing complaint');
      }
      const { project, region, category, severity } = complaint;
      return [
        {
          type: 'TypicalCaseMarked',
          data: { reviewId, complaintId, project, region, category, severity, reason, markedBy, markedAt: at(command) },
        },
      ];
    }
    case 'RecordRootCause': {
      const previous = requireOpen(state, command).rootCause;
      const { rootCauseCategory, businessProblem } = command;
      if (previous?.category === rootCauseCategory && previous.businessProblem === businessProblem) return [];
      return [
        {
          type: 'RootCauseRecorded',
          data: {
            reviewId,
            rootCauseCategory,
            businessProblem,
            previousRootCauseCategory: previous?.category ?? null,
            recordedAt: at(command),
          },
        },
      ];
    }
    case 'AddImprovementAction': {
      requireOpen(state, command);
      if (command.dueDate < localDate(command.now, timeZone)) {
        throw new TypicalCaseReviewRuleViolated({ reviewId }, 'dueDate', 'must not be in the past');
      }
      const { actionId, description, ownerId, dueDate } = command;
      return [
        {
          type: 'ImprovementActionAdded',
          data: { reviewId, actionId, description, ownerId, dueDate, addedAt: at(command) },
        },
      ];
    }
    case 'CompleteImprovementAction': {
      const action = requireAction(requireOpen(state, command), command.actionId, 'open');
      if (!command.byReviewer && action.ownerId !== command.completedBy) {
        throw new NotTheActionOwner(reviewId, action.actionId);
      }
      const { actionId, completedBy, note } = command;
      return [
        {
          type: 'ImprovementActionCompleted',
          data: { reviewId, actionId, completedBy, note, completedAt: at(command) },
        },
      ];
    }
    case 'VerifyImprovementAction':
      requireAction(requireOpen(state, command), command.actionId, 'completed');
      return [
        {
          type: 'ImprovementActionVerified',
          data: { reviewId, actionId: command.actionId, verifiedBy: command.verifiedBy, verifiedAt: at(command) },
        },
      ];

    case 'SendBackImprovementAction':
      requireAction(requireOpen(state, command), command.actionId, 'completed');
      return [
        {
          type: 'ImprovementActionSentBack',
          data: { reviewId, actionId: command.actionId, reason: command.reason, sentBackAt: at(command) },
        },
      ];

    case 'ConcludeTypicalCaseReview': {
      const current = requireOpen(state, command);
      if (current.rootCause === null) {
        throw new TypicalCaseReviewNotReadyToConclude(reviewId, 'a root cause must be recorded first', []);
      }
      if (current.actions.length === 0) {
        throw new TypicalCaseReviewNotReadyToConclude(reviewId, 'it needs at least one improvement action', []);
      }
      const unverified = current.actions.filter((a) => a.status !== 'verified');
      if (unverified.length > 0) {
        throw new TypicalCaseReviewNotReadyToConclude(
          reviewId,
          'every improvement action must be verified',
          unverified.map(({ actionId, status }) => ({ actionId, status })),
        );
      }
      return [
        {
          type: 'TypicalCaseReviewConcluded',
          data: { reviewId, conclusion: command.conclusion, concludedAt: at(command) },
        },
      ];
    }
    default:
      return exhaustive(command);
  }
}

function evolve(state: TypicalCaseReviewState, event: TypicalCaseReviewEvent): TypicalCaseReviewState {
  if (event.type === 'TypicalCaseMarked') {
    return { status: 'open', reviewId: event.data.reviewId, details: event.data, rootCause: null, actions: [] };
  }
  if (state.status === 'not_marked') return state;
  switch (event.type) {
    case 'RootCauseRecorded': {
      const { rootCauseCategory: category, businessProblem, recordedAt } = event.data;
      return { ...state, rootCause: { category, businessProblem, recordedAt } };
    }
    case 'ImprovementActionAdded': {
      const { actionId, description, ownerId, dueDate, addedAt } = event.data;
      const action: ImprovementAction = {
        actionId,
        description,
        ownerId,
        dueDate,
        status: 'open',
        steps: [{ step: 'added', at: addedAt, by: null, text: null }],
      };
      return { ...state, actions: [...state.actions, action] };
    }
    case 'ImprovementActionCompleted': {
      const { actionId, completedBy, note, completedAt } = event.data;
      return updateAction(state, actionId, 'completed', {
        step: 'completed',
        at: completedAt,
        by: completedBy,
        text: note,
      });
    }
    case 'ImprovementActionVerified': {
      const { actionId, verifiedBy, verifiedAt } = event.data;
      return updateAction(state, actionId, 'verified', {
        step: 'verified',
        at: verifiedAt,
        by: verifiedBy,
        text: null,
      });
    }
    case 'ImprovementActionSentBack': {
      const { actionId, reason, sentBackAt } = event.data;
      return updateAction(state, actionId, 'open', { step: 'sent_back', at: sentBackAt, by: null, text: reason });
    }
    case 'TypicalCaseReviewConcluded':
      return state.rootCause === null
        ? state
        : {
            ...state,
            status: 'concluded',
            rootCause: state.rootCause,
            conclusion: event.data.conclusion,
            concludedAt: event.data.concludedAt,
          };
    default:
      return exhaustive(event);
  }
}

function updateAction(
  state: MarkedReview,
  actionId: string,
  status: ImprovementAction['status'],
  step: ImprovementActionStep,
): TypicalCaseReviewState {
  return {
    ...state,
    actions: state.actions.map((a) => (a.actionId === actionId ? { ...a, status, steps: [...a.steps, step] } : a)),
  };
}

function exhaustive(value: never): never {
  throw new Error(`Unhandled: ${JSON.stringify(value)}`);
}
