export class ReproduceSurveySample {
  constructor(readonly waveId: string) {}
}
