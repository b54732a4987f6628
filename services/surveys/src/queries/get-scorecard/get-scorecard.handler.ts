import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ScorecardNotFound } from '../../domain/appraisal-scorecard/appraisal-scorecard.errors';
import { scorecardIdOf } from '../../domain/appraisal-scorecard/scorecard-id';
import { AppraisalScorecardRepository } from '../../infrastructure/appraisal-scorecard.repository';
import { GetScorecard } from './get-scorecard.query';
import { ScorecardView, toScorecardView } from './scorecard.view';

@QueryHandler(GetScorecard)
export class GetScorecardHandler implements IQueryHandler<GetScorecard, ScorecardView> {
  constructor(private readonly scorecards: AppraisalScorecardRepository) {}

  async execute({ projectType, period }: GetScorecard): Promise<ScorecardView> {
    const { state, version } = await this.scorecards.load(scorecardIdOf(projectType, period));
    if (state.status !== 'frozen') throw new ScorecardNotFound(projectType, period);
    return toScorecardView(state, version);
  }
}
