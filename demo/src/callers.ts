import type { Principal } from '@cx/auth';

/** Who calls: the internal systems and staff of the group, each with a token of its own (and its own write budget). */
export const callers = {
  callCentre: (region: string): Principal => ({ sub: `call-centre.${region}`, name: 'Call centre', roles: ['agent'] }),
  handler: (handlerId: string): Principal => ({ sub: handlerId, name: 'Customer service', roles: ['agent'] }),
  ceoOffice: { sub: 'ceo-office.duty', name: 'CEO office', roles: ['ceo_office'] } as Principal,
  reviewBoard: { sub: 'review-board.secretary', name: 'Review board', roles: ['reviewer'] } as Principal,
  hrSystem: { sub: 'hr-system', name: 'HR system', roles: ['hr'] } as Principal,
  campaignOffice: { sub: 'campaign-office', name: 'Campaign office', roles: ['campaign_admin'] } as Principal,
  surveyOffice: { sub: 'survey-office', name: 'Survey office', roles: ['admin'] } as Principal,
  surveyVendor: { sub: 'survey-vendor', name: 'Survey vendor', roles: ['survey_vendor'] } as Principal,
  communityStaff: (community: string): Principal => ({
    sub: `community.${community.toLowerCase()}`,
    name: 'Community staff',
    roles: ['community_staff'],
  }),
  ownersApp: { sub: 'owners-app', name: 'Owners app', roles: ['agent'] } as Principal,
};

/** Runs `work` over the items, at most `concurrency` at a time, in order of start. */
export async function inPool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
