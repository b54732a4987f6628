import type { Decider } from '@cx/domain';
import { eligibilityFor, eligibleOn, Employment } from '../eligibility';
import { groupToday } from '../group-calendar';
import { requireCampaignIn } from '../listening-campaign/listening-campaign.decider';
import type { ListeningCampaignCreatedV1 } from '../listening-campaign/listening-campaign.events';
import type { RowRejection } from '../row-rejection';
import type {
  ActivityToRecord,
  ParticipationSubmissionCommand,
  RecordParticipationActivities,
} from './participation.commands';
import { ParticipationActivityRefused, ParticipationSubmissionAlreadyRecorded } from './participation.errors';
import type { ParticipationSubmissionEvent } from './participation.events';
import type { ParticipationSubmissionState } from './participation.state';

/**
 * Activities are recorded once the campaign is open, and still after it closed: sites submit in batches, and a
 * late activity dated inside the period counts. A disclosure frozen before it shows it as a difference.
 */
function recordingCampaign(command: RecordParticipationActivities): ListeningCampaignCreatedV1 {
  return requireCampaignIn(command.campaign, command.campaignId, command.type, ['open', 'closed']).details;
}

/** Why an activity cannot count, or null when it can: the participation rules, row by row. */
export function activityProblem(
  activity: ActivityToRecord,
  campaign: ListeningCampaignCreatedV1,
  roster: ReadonlyMap<string, Employment>,
  today: string,
): RowRejection | null {
  const { row, personId, kind, date } = activity;
  const refuse = (reason: string, field: string, detail: string): RowRejection => ({
    row,
    personId,
    reason,
    field,
    detail,
  });
  const employment = roster.get(personId);
  if (!employment) return refuse('not_on_roster', 'personId', `${personId} is not on the campaign's roster`);
  if (!campaign.activityKinds.includes(kind)) {
    return refuse('kind_not_counted', 'kind', `the campaign counts ${campaign.activityKinds.join(', ')}; not ${kind}`);
  }
  if (date > today) return refuse('in_the_future', 'date', `${date} is after today (${today})`);
  if (date < campaign.periodStart || date > campaign.periodEnd) {
    return refuse(
      'outside_campaign_period',
      'date',
      `${date} is outside the campaign period ${campaign.periodStart} to ${campaign.periodEnd}`,
    );
  }
  const eligibility = eligibilityFor(employment, campaign);
  if (!eligibleOn(eligibility, date)) {
    const when = eligibility.eligible ? `only from ${eligibility.from} to ${eligibility.until}` : 'not at all';
    return refuse('not_employed_on_date', 'date', `${personId} is eligible for this campaign ${when}, not on ${date}`);
  }
  return null;
}

/**
 * A bulk upload keeps its good rows: the activities that can count, and why each other one cannot.
 * The campaign itself must exist and be open or closed, or the whole upload is refused as a single one would be.
 */
export function triageActivities(command: RecordParticipationActivities): {
  acceptable: ActivityToRecord[];
  rejections: RowRejection[];
} {
  const campaign = recordingCampaign(command);
  const today = groupToday(command.now);
  const acceptable: ActivityToRecord[] = [];
  const rejections: RowRejection[] = [];
  for (const activity of command.activities) {
    const problem = activityProblem(activity, campaign, command.roster, today);
    if (problem) rejections.push(problem);
    else acceptable.push(activity);
  }
  return { acceptable, rejections };
}

function decide(
  command: ParticipationSubmissionCommand,
  state: ParticipationSubmissionState,
): ParticipationSubmissionEvent[] {
  switch (command.type) {
    case 'RecordParticipationActivities': {
      if (state.status !== 'not_submitted') throw new ParticipationSubmissionAlreadyRecorded(command.submissionId);
      const { submissionId, campaignId } = command;
      const campaign = recordingCampaign(command);
      const today = groupToday(command.now);
      const recordedAt = command.now.toISOString();
      return command.activities.map((activity) => {
        const problem = activityProblem(activity, campaign, command.roster, today);
        if (problem) throw new ParticipationActivityRefused(campaignId, problem);
        const { activityId, personId, kind, date, customersMet, scenario, findings } = activity;
        return {
          type: 'ParticipationActivityRecorded',
          data: {
            submissionId,
            activityId,
            campaignId,
            personId,
            kind,
            date,
            customersMet,
            scenario,
            findings,
            recordedAt,
          },
        };
      });
    }
    default:
      return exhaustive(command.type);
  }
}

function evolve(
  state: ParticipationSubmissionState,
  event: ParticipationSubmissionEvent,
): ParticipationSubmissionState {
  switch (event.type) {
    case 'ParticipationActivityRecorded': {
      const { submissionId, campaignId } = event.data;
      const activities = state.status === 'submitted' ? state.activities : [];
      return { status: 'submitted', submissionId, campaignId, activities: [...activities, event.data] };
    }
    default:
      return exhaustive(event.type);
  }
}

function exhaustive(value: never): never {
  throw new Error(`Unhandled: ${JSON.stringify(value)}`);
}

export const participationSubmissionDecider: Decider<
  ParticipationSubmissionCommand,
  ParticipationSubmissionEvent,
  ParticipationSubmissionState
> = {
  initialState: () => ({ status: 'not_submitted' }),
  decide,
  evolve,
};
