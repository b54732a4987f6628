import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { responseRateRR1, waveDispositions } from '../../domain/response-rate';
import { requireWaveIn } from '../../domain/survey-wave/survey-wave.decider';
import { SurveyResponseSubmissionRepository } from '../../infrastructure/survey-response-submission.repository';
import { SurveyWaveRepository } from '../../infrastructure/survey-wave.repository';
import { GetWaveSummary } from './get-wave-summary.query';
import { WaveSummaryView } from './wave-summary.view';

/** The sample from the wave's stream, each case's latest outcome from the cases written with the responses. */
@QueryHandler(GetWaveSummary)
export class GetWaveSummaryHandler implements IQueryHandler<GetWaveSummary, WaveSummaryView> {
  constructor(
    private readonly waves: SurveyWaveRepository,
    private readonly submissions: SurveyResponseSubmissionRepository,
  ) {}

  async execute({ waveId }: GetWaveSummary): Promise<WaveSummaryView> {
    const { state, version } = await this.waves.load(waveId);
    const wave = requireWaveIn(state, waveId, 'GetWaveSummary', ['in_field', 'closed']);
    const [cases, intercepts] = await Promise.all([
      this.submissions.caseOutcomes(waveId),
      this.submissions.interceptDispositions(waveId),
    ]);
    const { total, strata } = waveDispositions(wave.sample.values(), cases);
    return {
      waveId,
      period: wave.details.period,
      projectType: wave.details.projectType,
      status: wave.status,
      dispositions: total,
      responseRate: responseRateRR1(total),
      strata,
      intercepts: {
        complete: intercepts.get('complete') ?? 0,
        partial: intercepts.get('partial') ?? 0,
        refusal: intercepts.get('refusal') ?? 0,
      },
      version,
    };
  }
}
