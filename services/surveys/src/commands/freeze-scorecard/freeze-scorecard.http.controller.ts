import { Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { etag } from '@cx/platform';
import type { Response } from 'express';
import { GetScorecard } from '../../queries/get-scorecard/get-scorecard.query';
import { ScorecardView } from '../../queries/get-scorecard/scorecard.view';
import { ScorecardParams } from '../scorecard-params.dto';
import { FreezeScorecardCommand } from './freeze-scorecard.command';

@ApiTags('appraisal scorecards')
@Controller('appraisal-scorecards')
export class FreezeScorecardController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post(':projectType/:period')
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({ summary: "Freeze a month's appraisal scorecard of a project type, once its wave is closed" })
  @ApiCreatedResponse({ type: ScorecardView })
  async freeze(
    @Param() { projectType, period }: ScorecardParams,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ScorecardView> {
    await this.commands.execute(new FreezeScorecardCommand(projectType, period, principal));
    const view = await this.queries.execute<GetScorecard, ScorecardView>(new GetScorecard(projectType, period));
    response.setHeader('Location', `/v1/appraisal-scorecards/${projectType}/${period}`);
    response.setHeader('ETag', etag(view.version));
    return view;
  }
}
