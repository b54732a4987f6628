import type { Decider } from '@cx/domain';
import type { ListeningCampaignCommand } from './listening-campaign.commands';
import {
  ListeningCampaignNotFound,
  ListeningCampaignRuleViolated,
  ListeningCampaignTransitionNotAllowed,
} from './listening-campaign.errors';
import type { ListeningCampaignEvent } from './listening-campaign.events';
import type { ListeningCampaignState, ListeningCampaignStatus } from './listening-campaign.state';

type In<S extends ListeningCampaignStatus> = Extract<ListeningCampaignState, { status: S }>;

/** The campaign must exist and be in one of the allowed states, or the command is refused naming the state. */
export function requireCampaignIn<S extends ListeningCampaignStatus>(
  state: ListeningCampaignState,
  campaignId: string,
  command: string,
  allowed: readonly S[],
): In<S> {
  if (state.status === 'not_created') throw new ListeningCampaignNotFound(campaignId);
  if (!(allowed as readonly ListeningCampaignStatus[]).includes(state.status)) {
    throw new ListeningCampaignTransitionNotAllowed(campaignId, command, state.status, allowed);
  }
  return state as In<S>;
}

const at = (command: { now: Date }) => command.now.toISOString();

function decide(command: ListeningCampaignCommand, state: ListeningCampaignState): ListeningCampaignEvent[] {
  const campaignId = command.campaignId;
  switch (command.type) {
    case 'CreateListeningCampaign': {
      if (state.status !== 'not_created') {
        throw new ListeningCampaignTransitionNotAllowed(campaignId, command.type, state.status, ['not_created']);
      }
      const { name, periodStart, periodEnd, activityKinds } = command;
      if (periodEnd < periodStart) {
        throw new ListeningCampaignRuleViolated(campaignId, 'periodEnd', 'must not be before periodStart');
      }
      return [
        {
          type: 'ListeningCampaignCreated',
          data: { campaignId, name, periodStart, periodEnd, activityKinds, createdAt: at(command) },
        },
      ];
    }
    case 'OpenListeningCampaign':
      requireCampaignIn(state, campaignId, command.type, ['draft']);
      return [{ type: 'ListeningCampaignOpened', data: { campaignId, openedAt: at(command) } }];

    case 'CloseListeningCampaign':
      requireCampaignIn(state, campaignId, command.type, ['open']);
      return [{ type: 'ListeningCampaignClosed', data: { campaignId, closedAt: at(command) } }];

    default:
      return exhaustive(command);
  }
}

function evolve(state: ListeningCampaignState, event: ListeningCampaignEvent): ListeningCampaignState {
  switch (event.type) {
    case 'ListeningCampaignCreated':
      return { status: 'draft', campaignId: event.data.campaignId, details: event.data };
    case 'ListeningCampaignOpened':
      if (state.status === 'not_created') return state;
      return { status: 'open', campaignId: state.campaignId, details: state.details, openedAt: event.data.openedAt };
    case 'ListeningCampaignClosed':
      if (state.status !== 'open') return state;
      return { ...state, status: 'closed', closedAt: event.data.closedAt };
    default:
      return exhaustive(event);
  }
}

function exhaustive(value: never): never {
  throw new Error(`Unhandled: ${JSON.stringify(value)}`);
}

export const listeningCampaignDecider: Decider<
  ListeningCampaignCommand,
  ListeningCampaignEvent,
  ListeningCampaignState
> = {
  initialState: () => ({ status: 'not_created' }),
  decide,
  evolve,
};
