export class GetSurveySample {
  constructor(readonly waveId: string) {}
}
