import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@cx/auth';
import { Clock, CLOCK } from '@cx/platform';
import { mayActForPersonIn } from '../../campaign-scope';
import type { RecordParticipationActivities } from '../../domain/participation/participation.commands';
import { ListeningCampaignRepository } from '../../infrastructure/listening-campaign.repository';
import { RosterRepository } from '../../infrastructure/roster.repository';
import type { ParticipationActivityRequest } from './participation-activity.dto';

/** Activities with the row each came from. */
export interface NumberedActivity {
  row: number;
  value: ParticipationActivityRequest;
}

/**
 * What recording activities needs besides the activities: the campaign (its own stream) and, from the
 * roster table, the employment of the people they name. Shared by the single and the bulk route. To a caller
 * limited to regions, people of other regions are not on the roster (`not_on_roster`): none can be probed.
 */
@Injectable()
export class ActivityRecording {
  constructor(
    private readonly campaigns: ListeningCampaignRepository,
    private readonly rosters: RosterRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async command(
    campaignId: string,
    submissionId: string,
    activities: readonly NumberedActivity[],
    principal: Principal,
  ): Promise<RecordParticipationActivities> {
    const { state: campaign } = await this.campaigns.load(campaignId);
    const personIds = [...new Set(activities.map((a) => a.value.personId))];
    return {
      type: 'RecordParticipationActivities',
      submissionId,
      campaignId,
      campaign,
      roster: new Map(
        [...(await this.rosters.employmentOf(campaignId, personIds))].filter(([, person]) =>
          mayActForPersonIn(principal, person.region),
        ),
      ),
      activities: activities.map(({ row, value }) => ({
        row,
        activityId: randomUUID(),
        personId: value.personId,
        kind: value.kind,
        date: value.date,
        customersMet: value.customersMet,
        scenario: value.scenario,
        findings: value.findings ?? [],
      })),
      now: this.clock.now(),
    };
  }
}
