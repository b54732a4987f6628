import { Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { SurveyWaveView } from '../../queries/get-wave/survey-wave.view';
import { WaveCommands } from '../wave-commands';
import { CloseSurveyWaveCommand } from './close-wave.command';

@ApiTags('survey waves')
@Controller('waves')
export class CloseSurveyWaveController {
  constructor(private readonly waves: WaveCommands) {}

  @Post(':waveId/closure')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'End fieldwork: the wave takes no more responses' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiOkResponse({ type: SurveyWaveView })
  close(
    @Param('waveId', new ParseUUIDPipe()) waveId: string,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SurveyWaveView> {
    return this.waves.run(waveId, new CloseSurveyWaveCommand(waveId, principal, expectedVersion), response);
  }
}
