import type { Principal } from '@cx/auth';

/** Asked on behalf of a caller: an activity outside the caller's scope is answered as not found. */
export class GetCommunityActivity {
  constructor(
    readonly activityId: string,
    readonly principal: Principal,
  ) {}
}
