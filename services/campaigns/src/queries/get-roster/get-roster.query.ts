import type { Principal } from '@cx/auth';

/** Asked on behalf of a caller: a caller limited to regions counts the people of its regions only. */
export class GetRoster {
  constructor(
    readonly campaignId: string,
    readonly principal: Principal,
  ) {}
}
