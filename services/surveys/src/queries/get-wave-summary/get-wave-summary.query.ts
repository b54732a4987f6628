export class GetWaveSummary {
  constructor(readonly waveId: string) {}
}
