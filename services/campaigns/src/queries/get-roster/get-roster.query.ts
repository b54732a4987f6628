export class GetRoster {
  constructor(readonly campaignId: string) {}
}
