export class GetInformationAsset {
  constructor(readonly assetId: string) {}
}
