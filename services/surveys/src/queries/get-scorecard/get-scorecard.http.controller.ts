import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@cx/auth';
import { etag } from '@cx/platform';
import type { Response } from 'express';
import { ScorecardParams } from '../../commands/scorecard-params.dto';
import { GetScorecard } from './get-scorecard.query';
import { ScorecardView } from './scorecard.view';

@ApiTags('appraisal scorecards')
@Controller('appraisal-scorecards')
export class GetScorecardController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':projectType/:period')
  @Roles('admin', 'manager', 'ceo_office', 'auditor')
  @ApiOperation({ summary: 'A frozen scorecard as it now stands, with every revision and what it changed' })
  @ApiOkResponse({ type: ScorecardView })
  async get(
    @Param() { projectType, period }: ScorecardParams,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ScorecardView> {
    const view = await this.queries.execute<GetScorecard, ScorecardView>(new GetScorecard(projectType, period));
    response.setHeader('ETag', etag(view.version));
    return view;
  }
}
