export class GetAccessGrant {
  constructor(readonly grantId: string) {}
}
