import {
  type Decider,
  type ImprovementActionRefusals,
  requireAction,
  requireCompletableBy,
  unverifiedActions,
  withActionAdded,
  withActionCompleted,
  withActionSentBack,
  withActionVerified,
} from '@cx/domain';
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
import type { TypicalCaseReviewState } from './typical-case-review.state';

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

/** The review's own errors for the shared improvement-action rules. */
function actionRefusals(reviewId: string): ImprovementActionRefusals {
  return {
    notFound: (actionId) => new ImprovementActionNotFound(reviewId, actionId),
    notInStatus: (actionId, status, needed) => new ImprovementActionConflict(reviewId, actionId, status, needed),
    notTheOwner: (actionId) => new NotTheActionOwner(reviewId, actionId),
  };
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
      const { actionId, completedBy, note } = command;
      const { actions } = requireOpen(state, command);
      requireCompletableBy(actions, actionId, completedBy, command.byReviewer, actionRefusals(reviewId));
      return [
        {
          type: 'ImprovementActionCompleted',
          data: { reviewId, actionId, completedBy, note, completedAt: at(command) },
        },
      ];
    }
    case 'VerifyImprovementAction':
      requireAction(requireOpen(state, command).actions, command.actionId, 'completed', actionRefusals(reviewId));
      return [
        {
          type: 'ImprovementActionVerified',
          data: { reviewId, actionId: command.actionId, verifiedBy: command.verifiedBy, verifiedAt: at(command) },
        },
      ];

    case 'SendBackImprovementAction':
      requireAction(requireOpen(state, command).actions, command.actionId, 'completed', actionRefusals(reviewId));
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
      const unverified = unverifiedActions(current.actions);
      if (unverified.length > 0) {
        throw new TypicalCaseReviewNotReadyToConclude(
          reviewId,
          'every improvement action must be verified',
          unverified,
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
    case 'ImprovementActionAdded':
      return { ...state, actions: withActionAdded(state.actions, event.data) };
    case 'ImprovementActionCompleted':
      return { ...state, actions: withActionCompleted(state.actions, event.data) };
    case 'ImprovementActionVerified':
      return { ...state, actions: withActionVerified(state.actions, event.data) };
    case 'ImprovementActionSentBack':
      return { ...state, actions: withActionSentBack(state.actions, event.data) };
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

function exhaustive(value: never): never {
  throw new Error(`Unhandled: ${JSON.stringify(value)}`);
}
