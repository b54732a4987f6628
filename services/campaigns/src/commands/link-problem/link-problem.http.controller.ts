import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { CampaignProblemView } from '../../queries/get-problem/campaign-problem.view';
import { ProblemCommands } from '../change-problem/problem-commands';
import { LinkProblemRequest } from './link-problem.dto';

@ApiTags('campaign problems')
@Controller('campaigns')
export class LinkCampaignProblemController {
  constructor(private readonly problems: ProblemCommands) {}

  @Post(':campaignId/problems/:problemId/links')
  @HttpCode(200)
  @Roles('campaign_admin', 'manager', 'admin')
  @ApiOperation({ summary: 'Link the problem to a complaint or a typical-case review, by its id' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiOkResponse({ type: CampaignProblemView })
  link(
    @Param('campaignId', new ParseUUIDPipe()) campaignId: string,
    @Param('problemId', new ParseUUIDPipe()) problemId: string,
    @Body() request: LinkProblemRequest,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CampaignProblemView> {
    return this.problems.run(
      { type: 'LinkCampaignProblem', campaignId, problemId, linkKind: request.linkKind, linkedId: request.linkedId },
      principal,
      expectedVersion,
      response,
    );
  }
}
