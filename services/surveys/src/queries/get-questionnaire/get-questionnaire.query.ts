export class GetQuestionnaire {
  constructor(readonly questionnaireId: string) {}
}
