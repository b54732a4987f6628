import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { CampaignProblemView } from '../../queries/get-problem/campaign-problem.view';
import { ProblemCommands } from '../change-problem/problem-commands';
import { CompleteProblemActionRequest } from './complete-problem-action.dto';

@ApiTags('campaign problems')
@Controller('campaigns')
export class CompleteProblemActionController {
  constructor(private readonly problems: ProblemCommands) {}

  @Post(':campaignId/problems/:problemId/actions/:actionId/completion')
  @HttpCode(200)
  @Roles('campaign_admin', 'manager', 'admin')
  @ApiOperation({ summary: 'The action’s owner (or a campaign admin for them) reports it done, with a note' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiOkResponse({ type: CampaignProblemView })
  complete(
    @Param('campaignId', new ParseUUIDPipe()) campaignId: string,
    @Param('problemId', new ParseUUIDPipe()) problemId: string,
    @Param('actionId', new ParseUUIDPipe()) actionId: string,
    @Body() request: CompleteProblemActionRequest,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CampaignProblemView> {
    return this.problems.run(
      {
        type: 'CompleteProblemAction',
        campaignId,
        problemId,
        actionId,
        completedBy: principal.sub,
        // Managers may complete only the actions they own; the decider checks that.
        byCampaignAdmin: principal.roles.some((role) => role === 'campaign_admin' || role === 'admin'),
        note: request.note,
      },
      principal,
      expectedVersion,
      response,
    );
  }
}
