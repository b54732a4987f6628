import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@cx/auth';
import { etag } from '@cx/platform';
import type { Response } from 'express';
import { GetSurveyWave } from './get-wave.query';
import { SurveyWaveView } from './survey-wave.view';

@ApiTags('survey waves')
@Controller('waves')
export class GetSurveyWaveController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':waveId')
  @Roles('admin', 'manager', 'ceo_office', 'auditor', 'survey_vendor', 'interviewer')
  @ApiOperation({ summary: 'A wave with its frame, its draw (seed, quotas, digests) and status; ETag its version' })
  @ApiOkResponse({ type: SurveyWaveView })
  async get(
    @Param('waveId', new ParseUUIDPipe()) waveId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SurveyWaveView> {
    const view = await this.queries.execute<GetSurveyWave, SurveyWaveView>(new GetSurveyWave(waveId));
    response.setHeader('ETag', etag(view.version));
    return view;
  }
}
