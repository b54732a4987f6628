import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROJECT_TYPES, ProjectType, SURVEY_STAGES, SurveyStage } from '@cx/contracts';
import type { PlannedWave } from '../../domain/survey-wave/survey-wave.state';

export const SURVEY_WAVE_STATUSES = ['planned', 'framed', 'in_field', 'closed'] as const;

export class FrameStratumCountView {
  @ApiProperty() project: string;
  @ApiProperty({ enum: SURVEY_STAGES }) stage: SurveyStage;
  @ApiProperty() customers: number;
}

export class SamplingFrameView {
  @ApiProperty({ description: 'SHA-256 of the frame (README, "Sampling")' }) frameDigest: string;
  @ApiProperty() customers: number;
  @ApiProperty({ type: [FrameStratumCountView] }) strata: FrameStratumCountView[];
  @ApiProperty({ format: 'date-time' }) loadedAt: string;
}

export class SampledStratumView {
  @ApiProperty() project: string;
  @ApiProperty({ enum: SURVEY_STAGES }) stage: SurveyStage;
  @ApiProperty() quota: number;
  @ApiProperty({ description: 'Customers of the stratum in the frame' }) frame: number;
  @ApiProperty({ description: 'Left out: a complete response within the fatigue window' }) skippedForFatigue: number;
  @ApiProperty({ description: 'The quota, or every customer left when fewer are' }) drawn: number;
}

export class SampleDrawView {
  @ApiProperty({ example: 'xoshiro128ss-sha256-strata-v1' }) algorithm: string;
  @ApiProperty() seed: string;
  @ApiProperty() frameDigest: string;
  @ApiProperty() fatigueMonths: number;
  @ApiProperty({ example: '2026-05', description: 'First month of the fatigue window (the wave’s month ends it)' })
  fatigueFrom: string;
  @ApiProperty() fatigueDigest: string;
  @ApiProperty() skippedForFatigue: number;
  @ApiProperty({ type: [SampledStratumView] }) strata: SampledStratumView[];
  @ApiProperty() sampleSize: number;
  @ApiProperty() sampleDigest: string;
  @ApiProperty({ format: 'date-time' }) drawnAt: string;
}

/** A survey wave as the API shows it; `version` is also the ETag. */
export class SurveyWaveView {
  @ApiProperty({ format: 'uuid' }) waveId: string;
  @ApiProperty({ example: '2026-11' }) period: string;
  @ApiProperty({ enum: PROJECT_TYPES }) projectType: ProjectType;
  @ApiProperty({ format: 'uuid' }) questionnaireId: string;
  @ApiProperty() questionnaireVersion: number;
  @ApiProperty() fatigueMonths: number;
  @ApiProperty({ enum: SURVEY_WAVE_STATUSES }) status: (typeof SURVEY_WAVE_STATUSES)[number];
  @ApiProperty({ format: 'date-time' }) plannedAt: string;
  @ApiPropertyOptional({ type: SamplingFrameView }) frame?: SamplingFrameView;
  @ApiPropertyOptional({ type: SampleDrawView }) draw?: SampleDrawView;
  @ApiProperty({ description: 'Customers who hold a survey link' }) linksIssued: number;
  @ApiPropertyOptional({ format: 'date-time' }) closedAt?: string;
  @ApiProperty({ minimum: 1 }) version: number;
}

export function toSurveyWaveView(state: PlannedWave, version: number): SurveyWaveView {
  const { waveId, period, projectType, questionnaireId, questionnaireVersion, fatigueMonths, plannedAt } =
    state.details;
  const drawn = state.status === 'in_field' || state.status === 'closed';
  return {
    waveId,
    period,
    projectType,
    questionnaireId,
    questionnaireVersion,
    fatigueMonths,
    status: state.status,
    plannedAt,
    ...(state.status !== 'planned' ? { frame: withoutWaveId(state.frame) } : {}),
    ...(drawn ? { draw: withoutParts(state.draw) } : {}),
    linksIssued: drawn ? state.linked.size : 0,
    ...(state.status === 'closed' ? { closedAt: state.closedAt } : {}),
    version,
  };
}

function withoutWaveId<T extends { waveId: string }>({ waveId: _waveId, ...rest }: T): Omit<T, 'waveId'> {
  return rest;
}

function withoutParts<T extends { waveId: string; parts: number }>({ parts: _parts, ...rest }: T) {
  return withoutWaveId(rest);
}
