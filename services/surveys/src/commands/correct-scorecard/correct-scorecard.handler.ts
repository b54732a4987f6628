import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK, metadataFor } from '@cx/platform';
import { scorecardIdOf } from '../../domain/appraisal-scorecard/scorecard-id';
import { AppraisalScorecardRepository } from '../../infrastructure/appraisal-scorecard.repository';
import { SurveyWaveRepository } from '../../infrastructure/survey-wave.repository';
import { ScorecardFigures } from '../scorecard-figures';
import { CorrectScorecardCommand } from './correct-scorecard.command';

/** Computes the figures again from the same wave and the register as it now is; the decider records what moved. */
@CommandHandler(CorrectScorecardCommand)
export class CorrectScorecardHandler implements ICommandHandler<CorrectScorecardCommand, void> {
  constructor(
    private readonly scorecards: AppraisalScorecardRepository,
    private readonly waves: SurveyWaveRepository,
    private readonly figures: ScorecardFigures,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ projectType, period, request, principal, expectedVersion }: CorrectScorecardCommand): Promise<void> {
    const scorecardId = scorecardIdOf(projectType, period);
    const waveId = await this.waves.waveOf(projectType, period);
    await this.scorecards.handle(
      scorecardId,
      {
        type: 'CorrectScorecard',
        scorecardId,
        period,
        projectType,
        ...(await this.figures.inputs(projectType, period, waveId)),
        reason: request.reason,
        excludeResponses: request.excludeResponseIds ?? [],
        correctedBy: principal.sub,
        now: this.clock.now(),
      },
      { expectedVersion, metadata: metadataFor(principal) },
    );
  }
}
