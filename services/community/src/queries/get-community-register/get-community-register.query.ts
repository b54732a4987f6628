export class GetCommunityRegister {
  constructor(readonly community: string) {}
}
