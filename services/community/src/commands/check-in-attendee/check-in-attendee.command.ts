import type { Principal } from '@cx/auth';

/** By the code the resident shows, or by staff picking the registration from the list. */
export type CheckInBy = { code: string } | { registrationId: string };

export class CheckInAttendeeCommand {
  constructor(
    readonly activityId: string,
    readonly by: CheckInBy,
    readonly principal: Principal,
  ) {}
}
