import { randomBytes } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK, metadataFor } from '@cx/platform';
import { monthsBefore } from '../../domain/survey-calendar';
import { SurveyWaveRepository } from '../../infrastructure/survey-wave.repository';
import { DrawSampleCommand } from './draw-sample.command';

/**
 * Reads the frame as stored and, from earlier waves' completes, who in it was surveyed within the fatigue
 * window; the draw's events and the record of whom fatigue left out go in one transaction.
 */
@CommandHandler(DrawSampleCommand)
export class DrawSampleHandler implements ICommandHandler<DrawSampleCommand, number> {
  constructor(
    private readonly waves: SurveyWaveRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ waveId, request, principal, expectedVersion }: DrawSampleCommand): Promise<number> {
    const { state } = await this.waves.load(waveId);
    const { entries, recentlySurveyed } =
      state.status === 'not_planned'
        ? { entries: [], recentlySurveyed: new Set<string>() }
        : {
            ...(await this.waves.frame(waveId)),
            recentlySurveyed: await this.waves.recentlySurveyed(
              waveId,
              monthsBefore(state.details.period, state.details.fatigueMonths),
              state.details.period,
            ),
          };
    const result = await this.waves.handle(
      waveId,
      {
        type: 'DrawSample',
        waveId,
        seed: request.seed ?? randomBytes(8).toString('hex'),
        quotas: request.quotas.map(({ project, stage, size }) => ({ project, stage, size })),
        frame: entries,
        recentlySurveyed,
        now: this.clock.now(),
      },
      {
        expectedVersion,
        metadata: metadataFor(principal),
        alsoInTransaction: SurveyWaveRepository.markFatigued(waveId, recentlySurveyed),
      },
    );
    return result.streamVersion;
  }
}
