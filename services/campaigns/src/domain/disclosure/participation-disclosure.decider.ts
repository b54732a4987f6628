import type { Decider } from '@cx/domain';
import { requireCampaignIn } from '../listening-campaign/listening-campaign.decider';
import type { ParticipationDisclosureCommand } from './participation-disclosure.commands';
import { ParticipationDisclosureAlreadyFrozen } from './participation-disclosure.errors';
import type { ParticipationDisclosureEvent } from './participation-disclosure.events';
import type { ParticipationDisclosureState } from './participation-disclosure.state';

function decide(
  command: ParticipationDisclosureCommand,
  state: ParticipationDisclosureState,
): ParticipationDisclosureEvent[] {
  if (state.status === 'frozen') throw new ParticipationDisclosureAlreadyFrozen(command.disclosureId);
  requireCampaignIn(command.campaign, command.campaignId, command.type, ['closed']);
  const { disclosureId, campaignId, throughPosition, count } = command;
  return [
    {
      type: 'ParticipationDisclosureFrozen',
      data: {
        disclosureId,
        campaignId,
        throughPosition,
        eventsCounted: count.eventsCounted,
        eventsDigest: count.eventsDigest,
        evidenceDigest: count.evidenceDigest,
        eligibilityRule: 'employment_overlaps_period',
        figures: count.figures,
        frozenAt: command.now.toISOString(),
      },
    },
  ];
}

function evolve(
  _state: ParticipationDisclosureState,
  event: ParticipationDisclosureEvent,
): ParticipationDisclosureState {
  return { status: 'frozen', disclosure: event.data };
}

export const participationDisclosureDecider: Decider<
  ParticipationDisclosureCommand,
  ParticipationDisclosureEvent,
  ParticipationDisclosureState
> = {
  initialState: () => ({ status: 'not_frozen' }),
  decide,
  evolve,
};
