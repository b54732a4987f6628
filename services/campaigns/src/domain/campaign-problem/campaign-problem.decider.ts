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
import { groupToday } from '../group-calendar';
import { requireCampaignIn } from '../listening-campaign/listening-campaign.decider';
import type { CampaignProblemCommand, RaiseCampaignProblem } from './campaign-problem.commands';
import {
  CampaignProblemNotFound,
  CampaignProblemNotReadyToClose,
  CampaignProblemRuleViolated,
  CampaignProblemTransitionNotAllowed,
  NotTheProblemActionOwner,
  ProblemActionConflict,
  ProblemActionNotFound,
} from './campaign-problem.errors';
import type { CampaignProblemEvent } from './campaign-problem.events';
import type { CampaignProblemState } from './campaign-problem.state';

type OpenProblem = Extract<CampaignProblemState, { status: 'open' }>;

/**
 * The problem must exist, belong to the campaign it is reached through, and be open: once closed it is a
 * record, not a worklist.
 */
function requireOpen(state: CampaignProblemState, command: CampaignProblemCommand): OpenProblem {
  if (state.status === 'not_raised' || state.campaignId !== command.campaignId) {
    throw new CampaignProblemNotFound(command.campaignId, command.problemId);
  }
  if (state.status !== 'open') {
    throw new CampaignProblemTransitionNotAllowed(command.problemId, command.type, state.status, ['open']);
  }
  return state;
}

/** The problem's own errors for the shared improvement-action rules. */
function actionRefusals(problemId: string): ImprovementActionRefusals {
  return {
    notFound: (actionId) => new ProblemActionNotFound(problemId, actionId),
    notInStatus: (actionId, status, needed) => new ProblemActionConflict(problemId, actionId, status, needed),
    notTheOwner: (actionId) => new NotTheProblemActionOwner(problemId, actionId),
  };
}

function requireDueDateNotPast(command: { problemId: string; campaignId: string; dueDate: string; now: Date }) {
  if (command.dueDate < groupToday(command.now)) {
    const { problemId, campaignId } = command;
    throw new CampaignProblemRuleViolated({ problemId, campaignId }, 'dueDate', 'must not be in the past');
  }
}

/** The finding the problem is raised from: one of an activity of this campaign, which may be closed by now. */
function findingOf(command: RaiseCampaignProblem): string {
  const { problemId, campaignId, activity, findingIndex } = command;
  requireCampaignIn(command.campaign, campaignId, command.type, ['open', 'closed']);
  if (activity === null || activity.campaignId !== campaignId) {
    throw new CampaignProblemRuleViolated(
      { problemId, campaignId },
      'activityId',
      'must name a participation activity of this campaign',
    );
  }
  const finding = activity.findings[findingIndex];
  if (finding === undefined) {
    const count = activity.findings.length;
    throw new CampaignProblemRuleViolated(
      { problemId, campaignId },
      'findingIndex',
      count === 0 ? 'the activity has no findings' : `must be below ${count}: the activity has ${count} finding(s)`,
    );
  }
  return finding;
}

const at = (command: { now: Date }) => command.now.toISOString();

function decide(command: CampaignProblemCommand, state: CampaignProblemState): CampaignProblemEvent[] {
  const { problemId, campaignId } = command;
  switch (command.type) {
    case 'RaiseCampaignProblem': {
      if (state.status !== 'not_raised') {
        throw new CampaignProblemTransitionNotAllowed(problemId, command.type, state.status, ['not_raised']);
      }
      const finding = findingOf(command);
      requireDueDateNotPast(command);
      const { activityId, findingIndex, category, ownerId, dueDate, raisedBy } = command;
      return [
        {
          type: 'CampaignProblemRaised',
          data: {
            problemId,
            campaignId,
            activityId,
            findingIndex,
            description: command.description ?? finding,
            category,
            ownerId,
            dueDate,
            raisedBy,
            raisedAt: at(command),
          },
        },
      ];
    }
    case 'LinkCampaignProblem': {
      const { linkKind, linkedId } = command;
      const links = requireOpen(state, command).links;
      if (links.some((l) => l.linkKind === linkKind && l.linkedId === linkedId)) return [];
      return [
        { type: 'CampaignProblemLinked', data: { problemId, campaignId, linkKind, linkedId, linkedAt: at(command) } },
      ];
    }
    case 'AddProblemAction': {
      requireOpen(state, command);
      requireDueDateNotPast(command);
      const { actionId, description, ownerId, dueDate } = command;
      return [
        {
          type: 'CampaignProblemActionAdded',
          data: { problemId, campaignId, actionId, description, ownerId, dueDate, addedAt: at(command) },
        },
      ];
    }
    case 'CompleteProblemAction': {
      const { actionId, completedBy, note } = command;
      const { actions } = requireOpen(state, command);
      requireCompletableBy(actions, actionId, completedBy, command.byCampaignAdmin, actionRefusals(problemId));
      return [
        {
          type: 'CampaignProblemActionCompleted',
          data: { problemId, campaignId, actionId, completedBy, note, completedAt: at(command) },
        },
      ];
    }
    case 'VerifyProblemAction': {
      requireAction(requireOpen(state, command).actions, command.actionId, 'completed', actionRefusals(problemId));
      const { actionId, verifiedBy } = command;
      return [
        {
          type: 'CampaignProblemActionVerified',
          data: { problemId, campaignId, actionId, verifiedBy, verifiedAt: at(command) },
        },
      ];
    }
    case 'SendBackProblemAction': {
      requireAction(requireOpen(state, command).actions, command.actionId, 'completed', actionRefusals(problemId));
      const { actionId, reason } = command;
      return [
        {
          type: 'CampaignProblemActionSentBack',
          data: { problemId, campaignId, actionId, reason, sentBackAt: at(command) },
        },
      ];
    }
    case 'CloseCampaignProblem': {
      const { actions } = requireOpen(state, command);
      if (actions.length === 0) {
        throw new CampaignProblemNotReadyToClose(problemId, 'it needs at least one improvement action', []);
      }
      const unverified = unverifiedActions(actions);
      if (unverified.length > 0) {
        throw new CampaignProblemNotReadyToClose(problemId, 'every improvement action must be verified', unverified);
      }
      return [{ type: 'CampaignProblemClosed', data: { problemId, campaignId, closedAt: at(command) } }];
    }
    default:
      return exhaustive(command);
  }
}

function evolve(state: CampaignProblemState, event: CampaignProblemEvent): CampaignProblemState {
  if (event.type === 'CampaignProblemRaised') {
    const { problemId, campaignId } = event.data;
    return { status: 'open', problemId, campaignId, details: event.data, links: [], actions: [] };
  }
  if (state.status === 'not_raised') return state;
  switch (event.type) {
    case 'CampaignProblemLinked': {
      const { linkKind, linkedId, linkedAt } = event.data;
      return { ...state, links: [...state.links, { linkKind, linkedId, linkedAt }] };
    }
    case 'CampaignProblemActionAdded':
      return { ...state, actions: withActionAdded(state.actions, event.data) };
    case 'CampaignProblemActionCompleted':
      return { ...state, actions: withActionCompleted(state.actions, event.data) };
    case 'CampaignProblemActionVerified':
      return { ...state, actions: withActionVerified(state.actions, event.data) };
    case 'CampaignProblemActionSentBack':
      return { ...state, actions: withActionSentBack(state.actions, event.data) };
    case 'CampaignProblemClosed':
      return { ...state, status: 'closed', closedAt: event.data.closedAt };
    default:
      return exhaustive(event);
  }
}

function exhaustive(value: never): never {
  throw new Error(`Unhandled: ${JSON.stringify(value)}`);
}

export const campaignProblemDecider: Decider<CampaignProblemCommand, CampaignProblemEvent, CampaignProblemState> = {
  initialState: () => ({ status: 'not_raised' }),
  decide,
  evolve,
};
