import {
  ACTIVITY_KINDS,
  ActivityKind,
  FINDING_MAX_LENGTH,
  FINDINGS_MAX_COUNT,
  PERSON_ID_PATTERN,
  SCENARIO_MAX_LENGTH,
} from './campaign-vocabulary';

/**
 * Events of the ParticipationSubmission stream, version 1, published on the campaigns topic
 * (key = submission id). A submission is the activities recorded by one request: one from a form, thousands
 * from a department's upload; each accepted activity is one event. People are named by HR person id only.
 */
export interface ParticipationActivityRecordedV1 {
  submissionId: string;
  activityId: string;
  campaignId: string;
  personId: string;
  kind: ActivityKind;
  /** The day it took place: a calendar date in the group's time zone, inside the campaign period. */
  date: string;
  customersMet: number;
  scenario: string;
  /** Problems found, each in a sentence or two; may be empty. */
  findings: string[];
  recordedAt: string;
}

export type ParticipationSubmissionEvent = {
  type: 'ParticipationActivityRecorded';
  data: ParticipationActivityRecordedV1;
};

export const PARTICIPATION_SUBMISSION_STREAM_TYPE = 'ParticipationSubmission';

const uuid = { type: 'string', format: 'uuid' } as const;

export const participationSubmissionEventSchemas = {
  ParticipationActivityRecorded: {
    1: {
      title: 'ParticipationActivityRecorded',
      description: 'Someone on the roster took part: met customers or went through a service scenario themselves.',
      type: 'object',
      additionalProperties: false,
      required: [
        'submissionId',
        'activityId',
        'campaignId',
        'personId',
        'kind',
        'date',
        'customersMet',
        'scenario',
        'findings',
        'recordedAt',
      ],
      properties: {
        submissionId: uuid,
        activityId: uuid,
        campaignId: uuid,
        personId: { type: 'string', pattern: PERSON_ID_PATTERN },
        kind: { enum: ACTIVITY_KINDS },
        date: { type: 'string', format: 'date' },
        customersMet: { type: 'integer', minimum: 0 },
        scenario: { type: 'string', minLength: 1, maxLength: SCENARIO_MAX_LENGTH },
        findings: {
          type: 'array',
          maxItems: FINDINGS_MAX_COUNT,
          items: { type: 'string', minLength: 1, maxLength: FINDING_MAX_LENGTH },
        },
        recordedAt: { type: 'string', format: 'date-time' },
      },
    },
  },
} as const;
