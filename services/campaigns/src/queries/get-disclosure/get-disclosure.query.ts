export class GetParticipationDisclosure {
  constructor(
    readonly campaignId: string,
    readonly disclosureId: string,
  ) {}
}
