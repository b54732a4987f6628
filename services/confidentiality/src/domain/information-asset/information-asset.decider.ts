import type { ConfidentialityLevel, InformationCategory } from '@cx/contracts';
import type { Decider } from '@cx/domain';
import { levelCovers } from '../classification';
import type { InformationAssetCommand } from './information-asset.commands';
import {
  InformationAssetNotFound,
  InformationAssetRuleViolated,
  InformationAssetTransitionNotAllowed,
} from './information-asset.errors';
import type { InformationAssetEvent } from './information-asset.events';
import type { InformationAssetState } from './information-asset.state';

/** PIPL: customer personal information is never public or merely internal. */
const MINIMUM_LEVEL: Partial<Record<InformationCategory, ConfidentialityLevel>> = {
  customer_personal_information: 'confidential',
};

function requireMinimumLevel(assetId: string, category: InformationCategory, level: ConfidentialityLevel): void {
  const minimum = MINIMUM_LEVEL[category];
  if (minimum && !levelCovers(level, minimum)) {
    throw new InformationAssetRuleViolated(assetId, 'level', `${category} is classified ${minimum} or higher`);
  }
}

const at = (command: { now: Date }) => command.now.toISOString();

export type InformationAssetDecider = Decider<InformationAssetCommand, InformationAssetEvent, InformationAssetState>;

export const informationAssetDecider: InformationAssetDecider = {
  initialState: () => ({ status: 'not_registered' }),
  decide,
  evolve,
};

function decide(command: InformationAssetCommand, state: InformationAssetState): InformationAssetEvent[] {
  const assetId = command.assetId;
  if (command.type === 'RegisterInformationAsset') {
    if (state.status !== 'not_registered') {
      throw new InformationAssetTransitionNotAllowed(assetId, command.type, state.status, ['not_registered']);
    }
    const { name, category, level, ownerId, handlingRules } = command;
    requireMinimumLevel(assetId, category, level);
    return [
      {
        type: 'InformationAssetRegistered',
        data: { assetId, name, category, level, ownerId, handlingRules, registeredAt: at(command) },
      },
    ];
  }
  if (state.status === 'not_registered') throw new InformationAssetNotFound(assetId);
  if (state.status === 'retired') {
    throw new InformationAssetTransitionNotAllowed(assetId, command.type, state.status, ['active']);
  }
  switch (command.type) {
    case 'ReclassifyInformationAsset': {
      if (command.level === state.level) {
        throw new InformationAssetRuleViolated(assetId, 'level', `the asset is already ${state.level}`);
      }
      requireMinimumLevel(assetId, state.category, command.level);
      return [
        {
          type: 'InformationAssetReclassified',
          data: {
            assetId,
            fromLevel: state.level,
            toLevel: command.level,
            reason: command.reason,
            reclassifiedAt: at(command),
          },
        },
      ];
    }
    case 'RetireInformationAsset':
      return [{ type: 'InformationAssetRetired', data: { assetId, reason: command.reason, retiredAt: at(command) } }];
    default:
      return exhaustive(command);
  }
}

function evolve(state: InformationAssetState, event: InformationAssetEvent): InformationAssetState {
  if (event.type === 'InformationAssetRegistered') {
    return { status: 'active', ...event.data, reclassifications: [] };
  }
  if (state.status !== 'active') return state;
  switch (event.type) {
    case 'InformationAssetReclassified': {
      const { assetId: _id, ...reclassification } = event.data;
      return {
        ...state,
        level: reclassification.toLevel,
        reclassifications: [...state.reclassifications, reclassification],
      };
    }
    case 'InformationAssetRetired':
      return { ...state, status: 'retired', retiredAt: event.data.retiredAt, retirementReason: event.data.reason };
    default:
      return exhaustive(event);
  }
}

function exhaustive(value: never): never {
  throw new Error(`Unhandled: ${JSON.stringify(value)}`);
}
