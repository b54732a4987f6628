import type { Decider } from '@cx/domain';
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
import type {
  CampaignProblemState,
  ImprovementAction,
  ImprovementActionStep,
  RaisedProblem,
} from './campaign-problem.state';

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

function requireAction(state: OpenProblem, actionId: string, needed: ImprovementAction['status']): ImprovementAction {
  const action = state.actions.find((a) => a.actionId === actionId);
  if (!action) throw new ProblemActionNotFound(state.problemId, actionId);
  if (action.status !== needed) throw new ProblemActionConflict(state.problemId, actionId, action.status, needed);
  return action;
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
      const action = requireAction(requireOpen(state, command), command.actionId, 'open');
      if (!command.byCampaignAdmin && action.ownerId !== command.completedBy) {
        throw new NotTheProblemActionOwner(problemId, action.actionId);
      }
      const { actionId, completedBy, note } = command;
      return [
        {
          type: 'CampaignProblemActionCompleted',
          data: { problemId, campaignId, actionId, completedBy, note, completedAt: at(command) },
        },
      ];
    }
    case 'VerifyProblemAction': {
      requireAction(requireOpen(state, command), command.actionId, 'completed');
      const { actionId, verifiedBy } = command;
      return [
        {
          type: 'CampaignProblemActionVerified',
          data: { problemId, campaignId, actionId, verifiedBy, verifiedAt: at(command) },
        },
      ];
    }
    case 'SendBackProblemAction': {
      requireAction(requireOpen(state, command), command.actionId, 'completed');
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
      const unverified = actions.filter((a) => a.status !== 'verified');
      if (unverified.length > 0) {
        throw new CampaignProblemNotReadyToClose(
          problemId,
          'every improvement action must be verified',
          unverified.map(({ actionId, status }) => ({ actionId, status })),
        );
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
    case 'CampaignProblemActionAdded': {
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
    case 'CampaignProblemActionCompleted': {
      const { actionId, completedBy, note, completedAt } = event.data;
      return updateAction(state, actionId, 'completed', {
        step: 'completed',
        at: completedAt,
        by: completedBy,
        text: note,
      });
    }
    case 'CampaignProblemActionVerified': {
      const { actionId, verifiedBy, verifiedAt } = event.data;
      return updateAction(state, actionId, 'verified', {
        step: 'verified',
        at: verifiedAt,
        by: verifiedBy,
        text: null,
      });
    }
    case 'CampaignProblemActionSentBack': {
      const { actionId, reason, sentBackAt } = event.data;
      return updateAction(state, actionId, 'open', { step: 'sent_back', at: sentBackAt, by: null, text: reason });
    }
    case 'CampaignProblemClosed':
      return { ...state, status: 'closed', closedAt: event.data.closedAt };
    default:
      return exhaustive(event);
  }
}

function updateAction(
  state: RaisedProblem,
  actionId: string,
  status: ImprovementAction['status'],
  step: ImprovementActionStep,
): CampaignProblemState {
  return {
    ...state,
    actions: state.actions.map((a) => (a.actionId === actionId ? { ...a, status, steps: [...a.steps, step] } : a)),
  };
}

function exhaustive(value: never): never {
  throw new Error(`Unhandled: ${JSON.stringify(value)}`);
}

export const campaignProblemDecider: Decider<CampaignProblemCommand, CampaignProblemEvent, CampaignProblemState> = {
  initialState: () => ({ status: 'not_raised' }),
  decide,
  evolve,
};
