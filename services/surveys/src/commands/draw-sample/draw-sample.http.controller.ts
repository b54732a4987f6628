import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { SurveyWaveView } from '../../queries/get-wave/survey-wave.view';
import { WaveCommands } from '../wave-commands';
import { DrawSampleCommand } from './draw-sample.command';
import { DrawSampleRequest } from './draw-sample.dto';

@ApiTags('survey waves')
@Controller('waves')
export class DrawSampleController {
  constructor(private readonly waves: WaveCommands) {}

  @Post(':waveId/draw')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: 'Draw the sample from the frame: quotas per project and stage, a recorded seed, contact fatigue',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiOkResponse({ type: SurveyWaveView })
  draw(
    @Param('waveId', new ParseUUIDPipe()) waveId: string,
    @Body() request: DrawSampleRequest,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SurveyWaveView> {
    return this.waves.run(waveId, new DrawSampleCommand(waveId, request, principal, expectedVersion), response);
  }
}
