export class GetCampaignProblem {
  constructor(
    readonly campaignId: string,
    readonly problemId: string,
  ) {}
}
