import type {
  SampleMemberV1,
  SamplingFrameLoadedV1,
  SurveySampleDrawnV1,
  SurveyWavePlannedV1,
} from './survey-wave.events';

export type SampleMember = SampleMemberV1;

interface Planned {
  waveId: string;
  details: SurveyWavePlannedV1;
}

interface Framed {
  frame: SamplingFrameLoadedV1;
}

interface Drawn {
  draw: SurveySampleDrawnV1;
  /** The drawn customers by subject id, in draw order. */
  sample: ReadonlyMap<string, SampleMember>;
  /** Customers who hold a survey link. */
  linked: ReadonlySet<string>;
}

/**
 * not_planned → planned → framed → in_field → closed. A union on status: a framed wave always has its frame,
 * a wave in the field its draw and sample, and the compiler checks it.
 */
export type SurveyWaveState =
  | { status: 'not_planned' }
  | ({ status: 'planned' } & Planned)
  | ({ status: 'framed' } & Planned & Framed)
  | ({ status: 'in_field' } & Planned & Framed & Drawn)
  | ({ status: 'closed'; closedAt: string } & Planned & Framed & Drawn);

export type SurveyWaveStatus = SurveyWaveState['status'];
export type PlannedWave = Exclude<SurveyWaveState, { status: 'not_planned' }>;
export type DrawnWave = Extract<SurveyWaveState, { status: 'in_field' | 'closed' }>;
