export class GetSurveyWave {
  constructor(readonly waveId: string) {}
}
