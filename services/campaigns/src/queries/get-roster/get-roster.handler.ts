import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { rosterStreamId } from '@cx/contracts';
import { mayActForPersonIn } from '../../campaign-scope';
import { ListeningCampaignNotFound } from '../../domain/listening-campaign/listening-campaign.errors';
import { rosterSummary } from '../../domain/roster/roster-summary';
import { ListeningCampaignRepository } from '../../infrastructure/listening-campaign.repository';
import { RosterRepository } from '../../infrastructure/roster.repository';
import { GetRoster } from './get-roster.query';
import { RosterView } from './roster.view';

/**
 * Folds the roster stream and counts it against the campaign period, with the eligibility rule; a caller limited to
 * regions counts the people of its regions. The version stays the whole roster's: imports are based on it.
 */
@QueryHandler(GetRoster)
export class GetRosterHandler implements IQueryHandler<GetRoster, RosterView> {
  constructor(
    private readonly campaigns: ListeningCampaignRepository,
    private readonly rosters: RosterRepository,
  ) {}

  async execute({ campaignId, principal }: GetRoster): Promise<RosterView> {
    const { state: campaign } = await this.campaigns.load(campaignId);
    if (campaign.status === 'not_created') throw new ListeningCampaignNotFound(campaignId);
    const { state, version } = await this.rosters.load(rosterStreamId(campaignId));
    const seen =
      state.status === 'imported'
        ? { ...state, entries: new Map([...state.entries].filter(([, e]) => mayActForPersonIn(principal, e.region))) }
        : state;
    const segments = rosterSummary(seen, campaign.details);
    return { campaignId, people: segments.reduce((sum, s) => sum + s.people, 0), segments, version };
  }
}
