import type { Principal } from '@cx/auth';

/** Asked on behalf of a caller: a complaint outside the caller's scope is answered as not found. */
export class GetComplaint {
  constructor(
    readonly complaintId: string,
    readonly principal: Principal,
  ) {}
}
