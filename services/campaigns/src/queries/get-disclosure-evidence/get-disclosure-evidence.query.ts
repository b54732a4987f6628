import type { Principal } from '@cx/auth';

export class GetDisclosureEvidence {
  constructor(
    readonly campaignId: string,
    readonly disclosureId: string,
    readonly principal: Principal,
  ) {}
}
