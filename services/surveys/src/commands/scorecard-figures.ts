import { Inject, Injectable } from '@nestjs/common';
import type { ProjectType } from '@cx/contracts';
import { scorecardIdOf } from '../domain/appraisal-scorecard/scorecard-id';
import type { AppraisalRegister, ScoredResponse, ScorecardLines } from '../domain/appraisal-scorecard/scorecard-lines';
import { monthsBefore } from '../domain/survey-calendar';
import { APPRAISAL_SETTINGS, AppraisalSettings } from '../infrastructure/appraisal-settings.config';
import { AppraisalScorecardRepository } from '../infrastructure/appraisal-scorecard.repository';

export interface ScorecardInputs {
  responses: ScoredResponse[];
  register: AppraisalRegister;
  previous: ScorecardLines | null;
}

/** What a freeze and a correction compute from: the wave's completes, the register, last month's scorecard. */
@Injectable()
export class ScorecardFigures {
  constructor(
    private readonly scorecards: AppraisalScorecardRepository,
    @Inject(APPRAISAL_SETTINGS) private readonly settings: AppraisalSettings,
  ) {}

  async inputs(projectType: ProjectType, period: string, waveId: string | null): Promise<ScorecardInputs> {
    const [responses, previous] = await Promise.all([
      waveId === null ? [] : this.scorecards.completeResponses(waveId),
      this.scorecards.load(scorecardIdOf(projectType, monthsBefore(period, 1))),
    ]);
    return {
      responses,
      register: this.settings.register,
      previous: previous.state.status === 'frozen' ? previous.state : null,
    };
  }
}
