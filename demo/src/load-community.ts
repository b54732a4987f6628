import { ApiClient } from './api-client';
import { callers } from './callers';
import type { DataSet } from './data-set';
import type { Progress } from './progress';
import type { Tally } from './tally';

interface ActivityView {
  activityId: string;
  status: string;
  version: number;
}

/**
 * "37°C Community": each community's resident register (idempotent by subject id), next month's activities
 * planned and published by community staff, and the residents' registrations through the owners' app: the small
 * activities fill up and their latecomers wait for places.
 */
export async function loadCommunity(
  api: ApiClient,
  data: DataSet,
  subjects: Map<number, string>,
  progress: Progress,
  tally: Tally,
): Promise<{ activityIds: string[]; registrations: number; waitlisted: number }> {
  const registrations = data.communityActivities.reduce((sum, a) => sum + a.registrations.length, 0);
  progress.phase('community activities', data.communities.length + data.communityActivities.length + registrations);
  const elderly = new Set(data.customers.filter((c) => c.elderlyCare).map((c) => c.index));
  for (const community of data.communities) {
    await api.call('community', 'POST', `/v1/communities/${community.code}/residents`, {
      as: callers.communityStaff(community.code),
      body: {
        residents: community.residents.map((c) => ({ residentId: subjects.get(c), elderlyCare: elderly.has(c) })),
      },
    });
    progress.tick();
  }
  const activityIds: string[] = [];
  let waitlisted = 0;
  for (const { key, registrations: wanted, ...activity } of data.communityActivities) {
    const as = callers.communityStaff(activity.community);
    const planned = await api.call<ActivityView>('community', 'POST', '/v1/activities', {
      as,
      idempotencyKey: key,
      body: activity,
    });
    tally.created('community activities', planned);
    const path = `/v1/activities/${planned.body.activityId}`;
    const current = (await api.call<ActivityView>('community', 'GET', path, { as })).body;
    if (current.status === 'draft')
      await api.call('community', 'POST', `${path}/publication`, { as, ifMatch: current.version });
    activityIds.push(planned.body.activityId);
    progress.tick();
    // One after the other within an activity: the order of registration decides who waits.
    for (const registration of wanted) {
      const answer = await api.call<{ status: string }>('community', 'POST', `${path}/registrations`, {
        as: callers.ownersApp,
        idempotencyKey: registration.key,
        body: { residentId: subjects.get(registration.customer), partySize: registration.partySize },
      });
      tally.created('registrations', answer);
      if (answer.body.status === 'waitlisted') waitlisted += 1;
      progress.tick();
    }
  }
  return { activityIds, registrations, waitlisted };
}
