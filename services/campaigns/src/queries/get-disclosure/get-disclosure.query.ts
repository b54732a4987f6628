import type { Principal } from '@cx/auth';

export class GetParticipationDisclosure {
  constructor(
    readonly campaignId: string,
    readonly disclosureId: string,
    readonly principal: Principal,
  ) {}
}
