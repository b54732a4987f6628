import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SurveyWaveNotFound } from '../../domain/survey-wave/survey-wave.errors';
import { SurveyWaveRepository } from '../../infrastructure/survey-wave.repository';
import { GetSurveyWave } from './get-wave.query';
import { SurveyWaveView, toSurveyWaveView } from './survey-wave.view';

/** Reads the stream itself: the owning service answers from its own truth, not from a projection. */
@QueryHandler(GetSurveyWave)
export class GetSurveyWaveHandler implements IQueryHandler<GetSurveyWave, SurveyWaveView> {
  constructor(private readonly waves: SurveyWaveRepository) {}

  async execute({ waveId }: GetSurveyWave): Promise<SurveyWaveView> {
    const { state, version } = await this.waves.load(waveId);
    if (state.status === 'not_planned') throw new SurveyWaveNotFound(waveId);
    return toSurveyWaveView(state, version);
  }
}
