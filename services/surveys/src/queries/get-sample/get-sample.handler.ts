import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { mayActOn } from '@cx/auth';
import { requireWaveIn } from '../../domain/survey-wave/survey-wave.decider';
import { SurveyWaveRepository } from '../../infrastructure/survey-wave.repository';
import { GetSurveySample } from './get-sample.query';
import { SurveySampleView } from './survey-sample.view';

/** The members in draw order, a scoped caller's strata only; size and digest stay the whole draw's. */
@QueryHandler(GetSurveySample)
export class GetSurveySampleHandler implements IQueryHandler<GetSurveySample, SurveySampleView> {
  constructor(private readonly waves: SurveyWaveRepository) {}

  async execute({ waveId, principal }: GetSurveySample): Promise<SurveySampleView> {
    const { state, version } = await this.waves.load(waveId);
    const wave = requireWaveIn(state, waveId, 'GetSurveySample', ['in_field', 'closed']);
    return {
      waveId,
      sampleSize: wave.draw.sampleSize,
      sampleDigest: wave.draw.sampleDigest,
      members: [...wave.sample.values()].filter((member) => mayActOn(principal, member)),
      version,
    };
  }
}
