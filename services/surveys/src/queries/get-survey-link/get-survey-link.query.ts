export class GetSurveyLinkForm {
  constructor(readonly token: string) {}
}
