import { ORG_CODE_PATTERN } from '../complaints/complaint-vocabulary';
import { SUBJECT_ID_PATTERN } from '../subject-id';
import { RESIDENTS_PER_REGISTRATION } from './community-vocabulary';

/**
 * A resident of a community, by subject id (names and phone numbers stay in the confidentiality vault).
 * `elderlyCare`: on the community's elderly care register ("Love Care"), which recurring care services need; a
 * service enrolment, not an age or a birth date.
 */
export interface CommunityResidentV1 {
  residentId: string;
  elderlyCare: boolean;
}

/**
 * Events of the CommunityRegister stream (one per community), version 1, published on the community topic
 * (key = `community-register-<community>`). One event per request: the residents it adds and those whose
 * entry changed; residents sent again unchanged are not repeated.
 */
export interface CommunityResidentsRegisteredV1 {
  /** The community's project code, e.g. `SH-PUDONG-07`. */
  community: string;
  residents: CommunityResidentV1[];
  registeredAt: string;
}

export type CommunityRegisterEvent = { type: 'CommunityResidentsRegistered'; data: CommunityResidentsRegisteredV1 };

export const COMMUNITY_REGISTER_STREAM_TYPE = 'CommunityRegister';

/** A community has one register stream; its id is derived, so that nothing needs to look it up. */
export function communityRegisterStreamId(community: string): string {
  return `community-register-${community}`;
}

export const communityRegisterEventSchemas = {
  CommunityResidentsRegistered: {
    1: {
      title: 'CommunityResidentsRegistered',
      description: 'Residents joined the community register, or their elderly care enrolment changed.',
      type: 'object',
      additionalProperties: false,
      required: ['community', 'residents', 'registeredAt'],
      properties: {
        community: { type: 'string', pattern: ORG_CODE_PATTERN },
        residents: {
          type: 'array',
          minItems: 1,
          maxItems: RESIDENTS_PER_REGISTRATION,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['residentId', 'elderlyCare'],
            properties: {
              residentId: { type: 'string', pattern: SUBJECT_ID_PATTERN },
              elderlyCare: { type: 'boolean' },
            },
          },
        },
        registeredAt: { type: 'string', format: 'date-time' },
      },
    },
  },
} as const;
