import { Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { CampaignProblemView } from '../../queries/get-problem/campaign-problem.view';
import { ProblemCommands } from '../change-problem/problem-commands';

@ApiTags('campaign problems')
@Controller('campaigns')
export class VerifyProblemActionController {
  constructor(private readonly problems: ProblemCommands) {}

  @Post(':campaignId/problems/:problemId/actions/:actionId/verification')
  @HttpCode(200)
  @Roles('campaign_admin', 'admin')
  @ApiOperation({ summary: 'A campaign admin verifies that the completed action works' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiOkResponse({ type: CampaignProblemView })
  verify(
    @Param('campaignId', new ParseUUIDPipe()) campaignId: string,
    @Param('problemId', new ParseUUIDPipe()) problemId: string,
    @Param('actionId', new ParseUUIDPipe()) actionId: string,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CampaignProblemView> {
    return this.problems.run(
      { type: 'VerifyProblemAction', campaignId, problemId, actionId, verifiedBy: principal.sub },
      principal,
      expectedVersion,
      response,
    );
  }
}
