import type { Principal } from '@cx/auth';

/** Asked on behalf of a caller: the community is named by the caller, so one outside its scope is a 403. */
export class GetCommunityRegister {
  constructor(
    readonly community: string,
    readonly principal: Principal,
  ) {}
}
