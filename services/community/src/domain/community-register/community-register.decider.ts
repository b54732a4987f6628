import type { Decider } from '@cx/domain';
import type { CommunityRegisterCommand } from './community-register.commands';
import { CommunityRegisterRuleViolated } from './community-register.errors';
import type { CommunityRegisterEvent } from './community-register.events';
import type { CommunityRegisterState } from './community-register.state';

/** Idempotent by subject id: a resident sent again unchanged is not repeated; nothing new, no event. */
function decide(command: CommunityRegisterCommand, state: CommunityRegisterState): CommunityRegisterEvent[] {
  switch (command.type) {
    case 'RegisterResidents': {
      const { community, residents } = command;
      const seen = new Set<string>();
      for (const { residentId } of residents) {
        if (seen.has(residentId)) {
          throw new CommunityRegisterRuleViolated(community, 'residents', `${residentId} appears more than once`);
        }
        seen.add(residentId);
      }
      const held = state.status === 'kept' ? state.residents : new Map<string, boolean>();
      const news = residents.filter((r) => held.get(r.residentId) !== r.elderlyCare);
      if (news.length === 0) return [];
      return [
        {
          type: 'CommunityResidentsRegistered',
          data: { community, residents: news, registeredAt: command.now.toISOString() },
        },
      ];
    }
    default:
      return exhaustive(command.type);
  }
}

function evolve(state: CommunityRegisterState, event: CommunityRegisterEvent): CommunityRegisterState {
  switch (event.type) {
    case 'CommunityResidentsRegistered': {
      const residents = new Map(state.status === 'kept' ? state.residents : []);
      for (const r of event.data.residents) residents.set(r.residentId, r.elderlyCare);
      return { status: 'kept', community: event.data.community, residents };
    }
    default:
      return exhaustive(event.type);
  }
}

function exhaustive(value: never): never {
  throw new Error(`Unhandled: ${JSON.stringify(value)}`);
}

export const communityRegisterDecider: Decider<
  CommunityRegisterCommand,
  CommunityRegisterEvent,
  CommunityRegisterState
> = {
  initialState: () => ({ status: 'not_started' }),
  decide,
  evolve,
};
