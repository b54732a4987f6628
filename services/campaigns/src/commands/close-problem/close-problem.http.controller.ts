import { Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { CampaignProblemView } from '../../queries/get-problem/campaign-problem.view';
import { ProblemCommands } from '../change-problem/problem-commands';

@ApiTags('campaign problems')
@Controller('campaigns')
export class CloseCampaignProblemController {
  constructor(private readonly problems: ProblemCommands) {}

  @Post(':campaignId/problems/:problemId/closure')
  @HttpCode(200)
  @Roles('campaign_admin', 'admin')
  @ApiOperation({ summary: 'Close the problem: needs at least one improvement action, every one verified' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiOkResponse({ type: CampaignProblemView })
  close(
    @Param('campaignId', new ParseUUIDPipe()) campaignId: string,
    @Param('problemId', new ParseUUIDPipe()) problemId: string,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CampaignProblemView> {
    return this.problems.run(
      { type: 'CloseCampaignProblem', campaignId, problemId },
      principal,
      expectedVersion,
      response,
    );
  }
}
