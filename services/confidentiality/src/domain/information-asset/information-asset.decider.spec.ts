import { EventValidator } from '@cx/contracts';
import { spec } from '@cx/testing';
import type { InformationAssetCommand } from './information-asset.commands';
import { informationAssetDecider } from './information-asset.decider';
import {
  InformationAssetNotFound,
  InformationAssetRuleViolated,
  InformationAssetTransitionNotAllowed,
} from './information-asset.errors';
import type { InformationAssetEvent } from './information-asset.events';

const assetId = '7d9e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a';
const now = new Date('2026-11-25T09:00:00.000Z');
const t = now.toISOString();
const on = { assetId, now };

const register = (change: Partial<InformationAssetCommand> = {}): InformationAssetCommand =>
  ({
    type: 'RegisterInformationAsset',
    name: 'Supplier price list',
    category: 'commercial_information',
    level: 'internal',
    ownerId: 'cfo-1',
    handlingRules: 'Shared with procurement only.',
    ...on,
    ...change,
  }) as InformationAssetCommand;
const registered: InformationAssetEvent = {
  type: 'InformationAssetRegistered',
  data: {
    assetId,
    name: 'Supplier price list',
    category: 'commercial_information',
    level: 'internal',
    ownerId: 'cfo-1',
    handlingRules: 'Shared with procurement only.',
    registeredAt: t,
  },
};
const reclassify = (level: 'public' | 'internal' | 'confidential' | 'secret'): InformationAssetCommand => ({
  type: 'ReclassifyInformationAsset',
  level,
  reason: 'Negotiation under way',
  ...on,
});
const reclassified: InformationAssetEvent = {
  type: 'InformationAssetReclassified',
  data: { assetId, fromLevel: 'internal', toLevel: 'confidential', reason: 'Negotiation under way', reclassifiedAt: t },
};
const retire: InformationAssetCommand = { type: 'RetireInformationAsset', reason: 'Supplier changed', ...on };
const retired: InformationAssetEvent = {
  type: 'InformationAssetRetired',
  data: { assetId, reason: 'Supplier changed', retiredAt: t },
};

describe('InformationAsset', () => {
  describe('when not registered', () => {
    it('registers the asset with its category, level, owner and handling rules', () => {
      spec(informationAssetDecider).given([]).when(register()).then([registered]);
    });

    it.each(['public', 'internal'] as const)('refuses customer personal information classified %s', (level) => {
      spec(informationAssetDecider)
        .given([])
        .when(register({ category: 'customer_personal_information', level }))
        .thenThrows(InformationAssetRuleViolated, {
          field: 'level',
          rule: 'customer_personal_information is classified confidential or higher',
        });
    });

    it('registers customer personal information as secret', () => {
      spec(informationAssetDecider)
        .given([])
        .when(register({ category: 'customer_personal_information', level: 'secret' }))
        .then([
          {
            ...registered,
            data: { ...registered.data, category: 'customer_personal_information', level: 'secret' },
          } as InformationAssetEvent,
        ]);
    });

    it.each([reclassify('secret'), retire])('refuses $type as not found', (command) => {
      spec(informationAssetDecider).given([]).when(command).thenThrows(InformationAssetNotFound, { assetId });
    });
  });

  describe('when active', () => {
    it('reclassifies to another level, naming both levels and the reason', () => {
      spec(informationAssetDecider).given([registered]).when(reclassify('confidential')).then([reclassified]);
    });

    it('refuses a reclassification to the level it has', () => {
      spec(informationAssetDecider)
        .given([registered])
        .when(reclassify('internal'))
        .thenThrows(InformationAssetRuleViolated, { field: 'level', rule: 'the asset is already internal' });
    });

    it('refuses to lower customer personal information below confidential', () => {
      const personal: InformationAssetEvent = {
        type: 'InformationAssetRegistered',
        data: { ...registered.data, category: 'customer_personal_information', level: 'secret' },
      } as InformationAssetEvent;
      spec(informationAssetDecider)
        .given([personal])
        .when(reclassify('internal'))
        .thenThrows(InformationAssetRuleViolated, { field: 'level' });
    });

    it('reclassifies from the level the last reclassification set', () => {
      spec(informationAssetDecider)
        .given([registered, reclassified])
        .when(reclassify('secret'))
        .then([
          {
            type: 'InformationAssetReclassified',
            data: {
              assetId,
              fromLevel: 'confidential',
              toLevel: 'secret',
              reason: 'Negotiation under way',
              reclassifiedAt: t,
            },
          },
        ]);
    });

    it('retires the asset with the reason', () => {
      spec(informationAssetDecider).given([registered]).when(retire).then([retired]);
    });

    it('refuses a second registration under the same id', () => {
      spec(informationAssetDecider)
        .given([registered])
        .when(register())
        .thenThrows(InformationAssetTransitionNotAllowed, { currentState: 'active' });
    });
  });

  describe('when retired', () => {
    it.each([reclassify('secret'), retire])('refuses $type', (command) => {
      spec(informationAssetDecider)
        .given([registered, retired])
        .when(command)
        .thenThrows(InformationAssetTransitionNotAllowed, { currentState: 'retired', allowedStates: ['active'] });
    });
  });

  describe('published events', () => {
    const validator = new EventValidator();
    it.each([registered, reclassified, retired].map((e) => [e.type, e] as const))(
      'match the published schema: %s',
      (_type, event) => {
        const envelope = {
          id: '3f2b1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d',
          type: event.type,
          schemaVersion: 1,
          streamId: assetId,
          streamType: 'InformationAsset',
          streamVersion: 1,
          position: '1',
          occurredAt: t,
          correlationId: 'c-1',
          causationId: null,
          actor: { type: 'user', id: 'dpo-1' },
          data: event.data,
        };
        expect(validator.validate(envelope)).toMatchObject({ valid: true });
      },
    );
  });
});
