import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { drawSample } from '../../domain/sampling/sampler';
import { frameDigest, subjectsDigest } from '../../domain/sampling/sampling-frame';
import { requireWaveIn } from '../../domain/survey-wave/survey-wave.decider';
import { SurveyWaveRepository } from '../../infrastructure/survey-wave.repository';
import { ReproduceSurveySample } from './reproduce-sample.query';
import { SampleReproductionView } from './sample-reproduction.view';

/** What an auditor checks: the stored frame and the recorded seed draw the sample the wave recorded. */
@QueryHandler(ReproduceSurveySample)
export class ReproduceSurveySampleHandler implements IQueryHandler<ReproduceSurveySample, SampleReproductionView> {
  constructor(private readonly waves: SurveyWaveRepository) {}

  async execute({ waveId }: ReproduceSurveySample): Promise<SampleReproductionView> {
    const { state } = await this.waves.load(waveId);
    const { draw, sample } = requireWaveIn(state, waveId, 'ReproduceSurveySample', ['in_field', 'closed']);
    const { entries, fatigued } = await this.waves.frame(waveId);
    const quotas = draw.strata.map(({ project, stage, quota }) => ({ project, stage, size: quota }));
    const redrawn = drawSample(entries, quotas, draw.seed, fatigued);
    const recorded = [...sample.keys()];
    const frame = { recorded: draw.frameDigest, recomputed: frameDigest(entries) };
    const fatigue = { recorded: draw.fatigueDigest, recomputed: subjectsDigest(fatigued) };
    const drawn = { recorded: draw.sampleDigest, recomputed: redrawn.sampleDigest };
    const sameMembers =
      redrawn.members.length === recorded.length && redrawn.members.every((m, i) => m.subjectId === recorded[i]);
    return {
      waveId,
      algorithm: draw.algorithm,
      seed: draw.seed,
      frameDigest: frame,
      fatigueDigest: fatigue,
      sampleDigest: drawn,
      sampleSize: draw.sampleSize,
      matches: sameMembers && [frame, fatigue, drawn].every(({ recorded: before, recomputed: now }) => before === now),
    };
  }
}
