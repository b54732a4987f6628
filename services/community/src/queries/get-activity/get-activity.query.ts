export class GetCommunityActivity {
  constructor(readonly activityId: string) {}
}
