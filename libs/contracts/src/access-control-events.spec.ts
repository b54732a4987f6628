import { randomUUID } from 'node:crypto';
import { ACCESS_DENIAL_STREAM_TYPE, AccessDenialEvent } from './confidentiality/access-denial-events';
import { ACCESS_GRANT_STREAM_TYPE, AccessGrantEvent } from './confidentiality/access-grant-events';
import { INFORMATION_ASSET_STREAM_TYPE, InformationAssetEvent } from './confidentiality/information-asset-events';
import { EventValidator } from './event-validator';
import { eventContracts } from './registry';

const assetId = '7d9e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a';
const grantId = '4c1d2e3f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const denialId = '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d';
const subjectId = 'subj_4kT9wQ2mZp7LxR3vB8nC5dYh';
const at = '2026-11-25T02:00:00.000Z';

type Samples<E extends { type: string; data: unknown }> = { [T in E['type']]: Extract<E, { type: T }>['data'] };

/** One valid v1 event of every type of the three streams; the compiler asks for a new one when a type is added. */
const assetSamples: Samples<InformationAssetEvent> = {
  InformationAssetRegistered: {
    assetId,
    name: 'CRM customer contact records',
    category: 'customer_personal_information',
    level: 'confidential',
    ownerId: 'dpo-1',
    handlingRules: 'Masked by default; in clear only under an access grant.',
    registeredAt: at,
  },
  InformationAssetReclassified: {
    assetId,
    fromLevel: 'confidential',
    toLevel: 'secret',
    reason: 'ID numbers added',
    reclassifiedAt: at,
  },
  InformationAssetRetired: { assetId, reason: 'CRM replaced', retiredAt: at },
};
const grantSamples: Samples<AccessGrantEvent> = {
  AccessRequested: {
    grantId,
    grantee: { type: 'user', id: 'agent-7' },
    scope: { category: 'customer_personal_information', level: 'confidential', subjectId: null },
    purpose: 'service_callback',
    expiresAt: at,
    requestedBy: 'agent-7',
    requestedAt: at,
  },
  AccessGrantApproved: { grantId, approvedBy: 'dpo-1', approvedAt: at },
  AccessRequestRejected: { grantId, rejectedBy: 'dpo-1', reason: 'no open case', rejectedAt: at },
  AccessGrantRevoked: { grantId, revokedBy: 'dpo-1', reason: 'case closed', revokedAt: at },
  AccessGrantExpired: { grantId, expiresAt: at, expiredAt: at },
};
const denialSamples: Samples<AccessDenialEvent> = {
  AccessDenied: {
    denialId,
    subjectId,
    requestedBy: 'agent-7',
    purpose: 'service_callback',
    fields: ['phone'],
    reason: 'grant_expired',
    grantId,
    deniedAt: at,
  },
};

const streams = [
  { streamType: INFORMATION_ASSET_STREAM_TYPE, samples: assetSamples as Record<string, object>, id: 'assetId' },
  { streamType: ACCESS_GRANT_STREAM_TYPE, samples: grantSamples as Record<string, object>, id: 'grantId' },
  { streamType: ACCESS_DENIAL_STREAM_TYPE, samples: denialSamples as Record<string, object>, id: 'denialId' },
];
const cases = streams.flatMap((stream) =>
  Object.entries(stream.samples).map(([type, data]) => ({ ...stream, type, data })),
);
const validator = new EventValidator();

function envelope(streamType: string, type: string, data: object) {
  return {
    id: randomUUID(),
    type,
    schemaVersion: 1,
    streamId: randomUUID(),
    streamType,
    streamVersion: 1,
    position: '1',
    occurredAt: at,
    correlationId: randomUUID(),
    causationId: null,
    actor: { type: 'user', id: 'dpo-1' },
    data,
  };
}

describe('InformationAsset, AccessGrant and AccessDenial events v1', () => {
  it.each(streams)('has a sample of every published $streamType event, all on the confidentiality topic', (s) => {
    const contracts = eventContracts.filter((c) => c.streamType === s.streamType);
    expect(contracts.map((c) => c.type).sort()).toEqual(Object.keys(s.samples).sort());
    expect(new Set(contracts.map((c) => `${c.topic} v${c.schemaVersion}`))).toEqual(
      new Set(['cx.confidentiality.events v1']),
    );
  });

  it.each(cases)('accepts a complete $type', ({ streamType, type, data }) => {
    expect(validator.validate(envelope(streamType, type, data))).toMatchObject({ valid: true });
  });

  it.each(cases)('rejects $type without its stream id', ({ streamType, type, data, id }) => {
    const { [id]: _omitted, ...rest } = data as Record<string, unknown>;
    expect(validator.validate(envelope(streamType, type, rest))).toEqual({
      valid: false,
      reason: expect.stringContaining(`must have required property '${id}'`),
    });
  });

  it.each(cases)('rejects $type carrying personal data it does not declare', ({ streamType, type, data }) => {
    const result = validator.validate(envelope(streamType, type, { ...data, phone: '13812345678' }));
    expect(result).toEqual({ valid: false, reason: expect.stringContaining('must NOT have additional properties') });
  });

  it('rejects a grant scoped to a phone number instead of a subject id', () => {
    const requested = grantSamples.AccessRequested;
    const result = validator.validate(
      envelope(ACCESS_GRANT_STREAM_TYPE, 'AccessRequested', {
        ...requested,
        scope: { ...requested.scope, subjectId: '13812345678' },
      }),
    );
    expect(result).toMatchObject({ valid: false });
  });

  it('rejects an unknown confidentiality level and a denial reason outside the vocabulary', () => {
    const registered = { ...assetSamples.InformationAssetRegistered, level: 'top_secret' };
    expect(
      validator.validate(envelope(INFORMATION_ASSET_STREAM_TYPE, 'InformationAssetRegistered', registered)),
    ).toMatchObject({ valid: false });
    const denied = { ...denialSamples.AccessDenied, reason: 'because' };
    expect(validator.validate(envelope(ACCESS_DENIAL_STREAM_TYPE, 'AccessDenied', denied))).toMatchObject({
      valid: false,
    });
  });
});
