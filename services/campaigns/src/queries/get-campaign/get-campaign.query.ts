export class GetListeningCampaign {
  constructor(readonly campaignId: string) {}
}
