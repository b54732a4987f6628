export class GetActivityRegistration {
  constructor(
    readonly activityId: string,
    readonly registrationId: string,
  ) {}
}
