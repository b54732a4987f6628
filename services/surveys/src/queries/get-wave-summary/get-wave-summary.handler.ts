import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { mayActOn } from '@cx/auth';
import { responseRateRR1, waveDispositions } from '../../domain/response-rate';
import { requireWaveIn } from '../../domain/survey-wave/survey-wave.decider';
import { SurveyResponseSubmissionRepository } from '../../infrastructure/survey-response-submission.repository';
import { SurveyWaveRepository } from '../../infrastructure/survey-wave.repository';
import { GetWaveSummary } from './get-wave-summary.query';
import { WaveSummaryView } from './wave-summary.view';

/**
 * The sample from the wave's stream, each case's latest outcome from the cases written with the responses. A scoped
 * caller's summary counts, intercepts included, only where its regions and projects reach.
 */
@QueryHandler(GetWaveSummary)
export class GetWaveSummaryHandler implements IQueryHandler<GetWaveSummary, WaveSummaryView> {
  constructor(
    private readonly waves: SurveyWaveRepository,
    private readonly submissions: SurveyResponseSubmissionRepository,
  ) {}

  async execute({ waveId, principal }: GetWaveSummary): Promise<WaveSummaryView> {
    const { state, version } = await this.waves.load(waveId);
    const wave = requireWaveIn(state, waveId, 'GetWaveSummary', ['in_field', 'closed']);
    const [cases, intercepts] = await Promise.all([
      this.submissions.caseOutcomes(waveId),
      this.submissions.interceptDispositions(waveId),
    ]);
    const sample = [...wave.sample.values()].filter((member) => mayActOn(principal, member));
    const { total, strata } = waveDispositions(sample, cases);
    const intercepted = (disposition: string) =>
      intercepts
        .filter((i) => i.disposition === disposition && mayActOn(principal, i))
        .reduce((sum, i) => sum + i.count, 0);
    return {
      waveId,
      period: wave.details.period,
      projectType: wave.details.projectType,
      status: wave.status,
      dispositions: total,
      responseRate: responseRateRR1(total),
      strata,
      intercepts: {
        complete: intercepted('complete'),
        partial: intercepted('partial'),
        refusal: intercepted('refusal'),
      },
      version,
    };
  }
}
