import type { Principal } from '@cx/auth';
import type { ListeningCampaignCommand } from '../../domain/listening-campaign/listening-campaign.commands';

type WithoutClock<C> = C extends unknown ? Omit<C, 'now'> : never;

/** A command on an existing campaign as the API receives it: the handler adds `now`. */
export type ListeningCampaignCommandInput = WithoutClock<
  Exclude<ListeningCampaignCommand, { type: 'CreateListeningCampaign' }>
>;

export class ChangeListeningCampaign {
  constructor(
    readonly input: ListeningCampaignCommandInput,
    readonly principal: Principal,
    readonly expectedVersion: number | undefined,
  ) {}
}
