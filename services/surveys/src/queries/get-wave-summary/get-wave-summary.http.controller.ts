import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { etag } from '@cx/platform';
import type { Response } from 'express';
import { GetWaveSummary } from './get-wave-summary.query';
import { WaveSummaryView } from './wave-summary.view';

@ApiTags('survey waves')
@Controller('waves')
export class GetWaveSummaryController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':waveId/summary')
  @Roles('admin', 'manager', 'ceo_office', 'auditor')
  @ApiOperation({
    summary: 'Dispositions of every sampled case and the AAPOR RR1 response rate, for the wave and per stratum',
  })
  @ApiOkResponse({ type: WaveSummaryView })
  async get(
    @Param('waveId', new ParseUUIDPipe()) waveId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WaveSummaryView> {
    const view = await this.queries.execute<GetWaveSummary, WaveSummaryView>(new GetWaveSummary(waveId, principal));
    response.setHeader('ETag', etag(view.version));
    return view;
  }
}
