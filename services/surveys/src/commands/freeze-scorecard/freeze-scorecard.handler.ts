import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK, metadataFor } from '@cx/platform';
import { scorecardIdOf } from '../../domain/appraisal-scorecard/scorecard-id';
import type { SurveyWaveState } from '../../domain/survey-wave/survey-wave.state';
import { APPRAISAL_SETTINGS, AppraisalSettings } from '../../infrastructure/appraisal-settings.config';
import { AppraisalScorecardRepository } from '../../infrastructure/appraisal-scorecard.repository';
import { SurveyWaveRepository } from '../../infrastructure/survey-wave.repository';
import { ScorecardFigures } from '../scorecard-figures';
import { FreezeScorecardCommand } from './freeze-scorecard.command';

/** Reads the month's wave, its completes, the register and last month's scorecard; then freezes the figures. */
@CommandHandler(FreezeScorecardCommand)
export class FreezeScorecardHandler implements ICommandHandler<FreezeScorecardCommand, string> {
  constructor(
    private readonly scorecards: AppraisalScorecardRepository,
    private readonly waves: SurveyWaveRepository,
    private readonly figures: ScorecardFigures,
    @Inject(APPRAISAL_SETTINGS) private readonly settings: AppraisalSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ projectType, period, principal }: FreezeScorecardCommand): Promise<string> {
    const scorecardId = scorecardIdOf(projectType, period);
    const waveId = await this.waves.waveOf(projectType, period);
    const wave: SurveyWaveState = waveId === null ? { status: 'not_planned' } : (await this.waves.load(waveId)).state;
    await this.scorecards.handle(
      scorecardId,
      {
        type: 'FreezeScorecard',
        scorecardId,
        period,
        projectType,
        wave,
        ...(await this.figures.inputs(projectType, period, waveId)),
        minimumResponses: this.settings.minimumResponses,
        frozenBy: principal.sub,
        now: this.clock.now(),
      },
      { metadata: metadataFor(principal) },
    );
    return scorecardId;
  }
}
