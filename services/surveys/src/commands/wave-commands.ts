import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { etag } from '@cx/platform';
import type { Response } from 'express';
import { GetSurveyWave } from '../queries/get-wave/get-wave.query';
import type { SurveyWaveView } from '../queries/get-wave/survey-wave.view';

/** What the wave controllers do: run the command, answer with the wave and its new ETag. */
@Injectable()
export class WaveCommands {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  async run(waveId: string, command: object, response: Response): Promise<SurveyWaveView> {
    await this.commands.execute(command);
    const view = await this.queries.execute<GetSurveyWave, SurveyWaveView>(new GetSurveyWave(waveId));
    response.setHeader('ETag', etag(view.version));
    return view;
  }
}
