import { ACTIVITY_KINDS, ActivityKind, CAMPAIGN_NAME_MAX_LENGTH } from './campaign-vocabulary';

/**
 * Events of the ListeningCampaign stream, version 1, published on the campaigns topic (key = campaign id).
 * Dates (period start and end) are calendar dates in the group's time zone, both inclusive.
 */
export interface ListeningCampaignCreatedV1 {
  campaignId: string;
  name: string;
  periodStart: string;
  periodEnd: string;
  /** The kinds of activity that count as taking part in this campaign. */
  activityKinds: ActivityKind[];
  createdAt: string;
}
export interface ListeningCampaignOpenedV1 {
  campaignId: string;
  openedAt: string;
}
export interface ListeningCampaignClosedV1 {
  campaignId: string;
  closedAt: string;
}

export type ListeningCampaignEvent =
  | { type: 'ListeningCampaignCreated'; data: ListeningCampaignCreatedV1 }
  | { type: 'ListeningCampaignOpened'; data: ListeningCampaignOpenedV1 }
  | { type: 'ListeningCampaignClosed'; data: ListeningCampaignClosedV1 };

export const LISTENING_CAMPAIGN_STREAM_TYPE = 'ListeningCampaign';

const uuid = { type: 'string', format: 'uuid' } as const;
const timestamp = { type: 'string', format: 'date-time' } as const;
const date = { type: 'string', format: 'date' } as const;

function schema(title: string, description: string, properties: Record<string, object>) {
  return {
    title,
    description,
    type: 'object',
    additionalProperties: false,
    required: ['campaignId', ...Object.keys(properties)],
    properties: { campaignId: uuid, ...properties },
  } as const;
}

export const listeningCampaignEventSchemas = {
  ListeningCampaignCreated: {
    1: schema('ListeningCampaignCreated', 'A listening campaign was set up (draft): its period and what it counts.', {
      name: { type: 'string', minLength: 1, maxLength: CAMPAIGN_NAME_MAX_LENGTH },
      periodStart: date,
      periodEnd: date,
      activityKinds: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: ACTIVITY_KINDS } },
      createdAt: timestamp,
    }),
  },
  ListeningCampaignOpened: {
    1: schema('ListeningCampaignOpened', 'The campaign is open: participation activities are recorded.', {
      openedAt: timestamp,
    }),
  },
  ListeningCampaignClosed: {
    1: schema('ListeningCampaignClosed', 'The campaign is closed: no more activities, the roster is final.', {
      closedAt: timestamp,
    }),
  },
} as const;
