import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK, metadataFor } from '@cx/platform';
import { SurveyWaveRepository } from '../../infrastructure/survey-wave.repository';
import { CloseSurveyWaveCommand } from './close-wave.command';

@CommandHandler(CloseSurveyWaveCommand)
export class CloseSurveyWaveHandler implements ICommandHandler<CloseSurveyWaveCommand, number> {
  constructor(
    private readonly waves: SurveyWaveRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ waveId, principal, expectedVersion }: CloseSurveyWaveCommand): Promise<number> {
    const result = await this.waves.handle(
      waveId,
      { type: 'CloseSurveyWave', waveId, now: this.clock.now() },
      { expectedVersion, metadata: metadataFor(principal) },
    );
    return result.streamVersion;
  }
}
