import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { etag } from '@cx/platform';
import type { Response } from 'express';
import { GetSurveySample } from './get-sample.query';
import { SurveySampleView } from './survey-sample.view';

@ApiTags('survey waves')
@Controller('waves')
export class GetSurveySampleController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':waveId/sample')
  @Roles('admin', 'auditor', 'survey_vendor', 'interviewer')
  @ApiOperation({ summary: 'The drawn sample, by subject id with project, region and stage, in draw order' })
  @ApiOkResponse({ type: SurveySampleView })
  async get(
    @Param('waveId', new ParseUUIDPipe()) waveId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SurveySampleView> {
    const view = await this.queries.execute<GetSurveySample, SurveySampleView>(new GetSurveySample(waveId, principal));
    response.setHeader('ETag', etag(view.version));
    return view;
  }
}
