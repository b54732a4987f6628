import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SamplingFrameLoadedV1 } from '@cx/contracts';
import { Clock, CLOCK, metadataFor } from '@cx/platform';
import { triageFrame } from '../../domain/sampling/sampling-frame';
import { SurveyWaveNotFound } from '../../domain/survey-wave/survey-wave.errors';
import { SurveyWaveRepository } from '../../infrastructure/survey-wave.repository';
import { LoadSamplingFrameCommand } from './load-sampling-frame.command';
import { SamplingFrameReport } from './sampling-frame-report.view';

/** The frame's good rows are the frame: its event and its table rows go in one transaction. */
@CommandHandler(LoadSamplingFrameCommand)
export class LoadSamplingFrameHandler implements ICommandHandler<LoadSamplingFrameCommand, SamplingFrameReport> {
  constructor(
    private readonly waves: SurveyWaveRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ waveId, rows, principal, expectedVersion }: LoadSamplingFrameCommand): Promise<SamplingFrameReport> {
    const { state } = await this.waves.load(waveId);
    if (state.status === 'not_planned') throw new SurveyWaveNotFound(waveId);
    const { entries, rejections } = triageFrame(rows.entries, state.details.projectType);
    const result = await this.waves.handle(
      waveId,
      { type: 'LoadSamplingFrame', waveId, entries, now: this.clock.now() },
      {
        expectedVersion,
        metadata: metadataFor(principal),
        alsoInTransaction: SurveyWaveRepository.saveFrame(waveId, entries),
      },
    );
    const loaded = result.events[0].data as SamplingFrameLoadedV1;
    const refused = [...rows.rejections, ...rejections].sort((a, b) => a.row - b.row);
    return {
      waveId,
      rows: rows.rows,
      accepted: entries.length,
      rejected: refused.length,
      rejections: refused,
      frameDigest: loaded.frameDigest,
      strata: loaded.strata,
      version: result.streamVersion,
    };
  }
}
