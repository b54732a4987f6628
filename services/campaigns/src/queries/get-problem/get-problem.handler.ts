import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CampaignProblemNotFound } from '../../domain/campaign-problem/campaign-problem.errors';
import { CampaignProblemRepository } from '../../infrastructure/campaign-problem.repository';
import { CampaignProblemView, toCampaignProblemView } from './campaign-problem.view';
import { GetCampaignProblem } from './get-problem.query';

/** Reads the stream itself: the owning service answers from its own truth, not from a projection. */
@QueryHandler(GetCampaignProblem)
export class GetCampaignProblemHandler implements IQueryHandler<GetCampaignProblem, CampaignProblemView> {
  constructor(private readonly problems: CampaignProblemRepository) {}

  async execute({ campaignId, problemId }: GetCampaignProblem): Promise<CampaignProblemView> {
    const { state, version } = await this.problems.load(problemId);
    if (state.status === 'not_raised' || state.campaignId !== campaignId) {
      throw new CampaignProblemNotFound(campaignId, problemId);
    }
    return toCampaignProblemView(state, version);
  }
}
