import { ORG_CODE_PATTERN } from '../complaints/complaint-vocabulary';
import { SUBJECT_ID_PATTERN } from '../subject-id';
import {
  PROJECT_TYPES,
  ProjectType,
  SAMPLE_MEMBERS_PER_EVENT,
  SAMPLING_SEED_PATTERN,
  SAMPLING_STRATA_MAX_COUNT,
  SURVEY_LINKS_PER_EVENT,
  SURVEY_PERIOD_PATTERN,
  SURVEY_STAGES,
  SurveyStage,
} from './survey-vocabulary';

/**
 * Events of the SurveyWave stream, version 1, published on the surveys topic (key = wave id). A wave is one
 * month's survey of one project type: planned with a published questionnaire version, its sampling frame loaded,
 * its sample drawn, survey links issued, then closed. Customers are subject ids; nothing else names them.
 */
export interface SurveyWavePlannedV1 {
  waveId: string;
  /** YYYY-MM in the group's time zone. */
  period: string;
  projectType: ProjectType;
  questionnaireId: string;
  questionnaireVersion: number;
  /** A customer with a complete response in a wave of the last this many months is not drawn again. */
  fatigueMonths: number;
  plannedAt: string;
}

/** Customers of one project in one stage: a stratum of the frame and of the sample. */
export interface SamplingFrameStratumV1 {
  project: string;
  stage: SurveyStage;
  customers: number;
}

/** The frame itself stays in the surveys database; the event fixes its digest, so the draw can be audited. */
export interface SamplingFrameLoadedV1 {
  waveId: string;
  /** SHA-256 over the frame's rows, sorted by subject id (services/surveys/README.md, "Sampling"). */
  frameDigest: string;
  customers: number;
  strata: SamplingFrameStratumV1[];
  loadedAt: string;
}

/** One stratum of a draw: its quota, its customers in the frame, those skipped for fatigue, and those drawn. */
export interface SampledStratumV1 {
  project: string;
  stage: SurveyStage;
  quota: number;
  frame: number;
  skippedForFatigue: number;
  /** The quota, or every customer left when fewer are. */
  drawn: number;
}

/** What reproduces the draw: algorithm, seed, frame and fatigue exclusions, each fixed by a digest. */
export interface SurveySampleDrawnV1 {
  waveId: string;
  algorithm: string;
  seed: string;
  frameDigest: string;
  fatigueMonths: number;
  /** The first month of the fatigue window; the window ends with the wave's own month. */
  fatigueFrom: string;
  /** SHA-256 over the subject ids of the frame excluded for fatigue, sorted. */
  fatigueDigest: string;
  skippedForFatigue: number;
  strata: SampledStratumV1[];
  sampleSize: number;
  /** SHA-256 over the drawn members in draw order. */
  sampleDigest: string;
  /** How many SurveySampleMembersListed events follow with the members. */
  parts: number;
  drawnAt: string;
}

export interface SampleMemberV1 {
  subjectId: string;
  project: string;
  region: string;
  stage: SurveyStage;
}

/** A part of the drawn sample, in draw order; parts count from 1. */
export interface SurveySampleMembersListedV1 {
  waveId: string;
  part: number;
  members: SampleMemberV1[];
}

/** A single-use link's token is never in an event; it is stored hashed in the surveys database. */
export interface SurveyLinkV1 {
  linkId: string;
  subjectId: string;
  expiresAt: string;
}

export interface SurveyLinksIssuedV1 {
  waveId: string;
  issueId: string;
  links: SurveyLinkV1[];
  issuedAt: string;
}

export interface SurveyWaveClosedV1 {
  waveId: string;
  closedAt: string;
}

export type SurveyWaveEvent =
  | { type: 'SurveyWavePlanned'; data: SurveyWavePlannedV1 }
  | { type: 'SamplingFrameLoaded'; data: SamplingFrameLoadedV1 }
  | { type: 'SurveySampleDrawn'; data: SurveySampleDrawnV1 }
  | { type: 'SurveySampleMembersListed'; data: SurveySampleMembersListedV1 }
  | { type: 'SurveyLinksIssued'; data: SurveyLinksIssuedV1 }
  | { type: 'SurveyWaveClosed'; data: SurveyWaveClosedV1 };

export const SURVEY_WAVE_STREAM_TYPE = 'SurveyWave';

const uuid = { type: 'string', format: 'uuid' } as const;
const timestamp = { type: 'string', format: 'date-time' } as const;
const period = { type: 'string', pattern: SURVEY_PERIOD_PATTERN } as const;
const digest = { type: 'string', pattern: '^[0-9a-f]{64}$' } as const;
const count = { type: 'integer', minimum: 0 } as const;
const project = { type: 'string', pattern: ORG_CODE_PATTERN } as const;
const stage = { enum: SURVEY_STAGES } as const;
const subjectId = { type: 'string', pattern: SUBJECT_ID_PATTERN } as const;

function object(properties: Record<string, object>) {
  return { type: 'object', additionalProperties: false, required: Object.keys(properties), properties } as const;
}

function schema(title: string, description: string, properties: Record<string, object>) {
  return { title, description, ...object({ waveId: uuid, ...properties }) } as const;
}

export const surveyWaveEventSchemas = {
  SurveyWavePlanned: {
    1: schema('SurveyWavePlanned', 'A month’s survey wave of a project type, with its questionnaire version.', {
      period,
      projectType: { enum: PROJECT_TYPES },
      questionnaireId: uuid,
      questionnaireVersion: { type: 'integer', minimum: 1 },
      fatigueMonths: count,
      plannedAt: timestamp,
    }),
  },
  SamplingFrameLoaded: {
    1: schema('SamplingFrameLoaded', 'The wave’s sampling frame was loaded (or replaced before the draw).', {
      frameDigest: digest,
      customers: { type: 'integer', minimum: 1 },
      strata: {
        type: 'array',
        minItems: 1,
        maxItems: SAMPLING_STRATA_MAX_COUNT,
        items: object({ project, stage, customers: { type: 'integer', minimum: 1 } }),
      },
      loadedAt: timestamp,
    }),
  },
  SurveySampleDrawn: {
    1: schema('SurveySampleDrawn', 'The sample was drawn: seed, quotas, fatigue exclusions and digests.', {
      algorithm: { type: 'string', minLength: 1 },
      seed: { type: 'string', pattern: SAMPLING_SEED_PATTERN },
      frameDigest: digest,
      fatigueMonths: count,
      fatigueFrom: period,
      fatigueDigest: digest,
      skippedForFatigue: count,
      strata: {
        type: 'array',
        minItems: 1,
        maxItems: SAMPLING_STRATA_MAX_COUNT,
        items: object({
          project,
          stage,
          quota: { type: 'integer', minimum: 1 },
          frame: count,
          skippedForFatigue: count,
          drawn: count,
        }),
      },
      sampleSize: { type: 'integer', minimum: 1 },
      sampleDigest: digest,
      parts: { type: 'integer', minimum: 1 },
      drawnAt: timestamp,
    }),
  },
  SurveySampleMembersListed: {
    1: schema('SurveySampleMembersListed', 'A part of the drawn sample: subject ids with project, region and stage.', {
      part: { type: 'integer', minimum: 1 },
      members: {
        type: 'array',
        minItems: 1,
        maxItems: SAMPLE_MEMBERS_PER_EVENT,
        items: object({ subjectId, project, region: project, stage }),
      },
    }),
  },
  SurveyLinksIssued: {
    1: schema('SurveyLinksIssued', 'Single-use survey links (SMS or online) for sampled customers; no tokens.', {
      issueId: uuid,
      links: {
        type: 'array',
        minItems: 1,
        maxItems: SURVEY_LINKS_PER_EVENT,
        items: object({ linkId: uuid, subjectId, expiresAt: timestamp }),
      },
      issuedAt: timestamp,
    }),
  },
  SurveyWaveClosed: {
    1: schema('SurveyWaveClosed', 'Fieldwork is over: the wave takes no more responses.', { closedAt: timestamp }),
  },
} as const;
