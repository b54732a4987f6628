import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { etag, IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { GetScorecard } from '../../queries/get-scorecard/get-scorecard.query';
import { ScorecardView } from '../../queries/get-scorecard/scorecard.view';
import { ScorecardParams } from '../scorecard-params.dto';
import { CorrectScorecardCommand } from './correct-scorecard.command';
import { CorrectScorecardRequest } from './correct-scorecard.dto';

@ApiTags('appraisal scorecards')
@Controller('appraisal-scorecards')
export class CorrectScorecardController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post(':projectType/:period/corrections')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Correct a frozen scorecard: a new revision with its reason, never an edit' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the correction is based on; stale → 412' })
  @ApiOkResponse({ type: ScorecardView })
  async correct(
    @Param() { projectType, period }: ScorecardParams,
    @Body() request: CorrectScorecardRequest,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ScorecardView> {
    await this.commands.execute(new CorrectScorecardCommand(projectType, period, request, principal, expectedVersion));
    const view = await this.queries.execute<GetScorecard, ScorecardView>(new GetScorecard(projectType, period));
    response.setHeader('ETag', etag(view.version));
    return view;
  }
}
