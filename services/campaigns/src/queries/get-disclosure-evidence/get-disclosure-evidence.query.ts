export class GetDisclosureEvidence {
  constructor(
    readonly campaignId: string,
    readonly disclosureId: string,
  ) {}
}
