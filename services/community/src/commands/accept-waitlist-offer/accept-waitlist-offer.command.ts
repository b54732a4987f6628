import type { Principal } from '@cx/auth';

export class AcceptWaitlistOfferCommand {
  constructor(
    readonly activityId: string,
    readonly registrationId: string,
    readonly principal: Principal,
    readonly expectedVersion: number | undefined,
  ) {}
}
