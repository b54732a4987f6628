import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { mayActInCommunity } from '../../community-scope';
import { CommunityActivityNotFound } from '../../domain/community-activity/community-activity.errors';
import { CommunityActivityRepository } from '../../infrastructure/community-activity.repository';
import { CommunityActivityView, toCommunityActivityView } from './community-activity.view';
import { GetCommunityActivity } from './get-activity.query';

/** Reads the stream itself: the owning service answers from its own truth, not from a projection. */
@QueryHandler(GetCommunityActivity)
export class GetCommunityActivityHandler implements IQueryHandler<GetCommunityActivity, CommunityActivityView> {
  constructor(private readonly activities: CommunityActivityRepository) {}

  async execute({ activityId, principal }: GetCommunityActivity): Promise<CommunityActivityView> {
    const { state, version } = await this.activities.load(activityId);
    if (state.status === 'not_planned' || !mayActInCommunity(principal, state.community)) {
      throw new CommunityActivityNotFound(activityId);
    }
    return toCommunityActivityView(state, version);
  }
}
