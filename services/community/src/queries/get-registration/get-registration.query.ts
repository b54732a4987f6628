import type { Principal } from '@cx/auth';

/** Asked on behalf of a caller: a registration for an activity outside the caller's scope is answered as not found. */
export class GetActivityRegistration {
  constructor(
    readonly activityId: string,
    readonly registrationId: string,
    readonly principal: Principal,
  ) {}
}
