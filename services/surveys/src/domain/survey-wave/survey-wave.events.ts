/** The SurveyWave stream's events are the published contract; the domain uses the same types. */
export type {
  SamplingFrameLoadedV1,
  SampleMemberV1,
  SurveySampleDrawnV1,
  SurveyWaveEvent,
  SurveyWavePlannedV1,
} from '@cx/contracts';
