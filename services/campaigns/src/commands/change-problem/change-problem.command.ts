import type { Principal } from '@cx/auth';
import type { CampaignProblemCommand } from '../../domain/campaign-problem/campaign-problem.commands';

type WithoutClock<C> = C extends unknown ? Omit<C, 'now'> : never;

/** A command on an existing problem as the API receives it: the handler adds `now`. */
export type CampaignProblemCommandInput = WithoutClock<
  Exclude<CampaignProblemCommand, { type: 'RaiseCampaignProblem' }>
>;

export class ChangeCampaignProblem {
  constructor(
    readonly input: CampaignProblemCommandInput,
    readonly principal: Principal,
    readonly expectedVersion: number | undefined,
  ) {}
}
