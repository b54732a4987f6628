import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '@cx/platform';
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
 * roster table, the employment of the people they name. Shared by the single and the bulk route.
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
  ): Promise<RecordParticipationActivities> {
    const { state: campaign } = await this.campaigns.load(campaignId);
    const personIds = [...new Set(activities.map((a) => a.value.personId))];
    return {
      type: 'RecordParticipationActivities',
      submissionId,
      campaignId,
      campaign,
      roster: await this.rosters.employmentOf(campaignId, personIds),
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
