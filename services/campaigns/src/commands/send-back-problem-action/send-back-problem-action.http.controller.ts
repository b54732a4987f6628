import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { CampaignProblemView } from '../../queries/get-problem/campaign-problem.view';
import { ProblemCommands } from '../change-problem/problem-commands';
import { SendBackProblemActionRequest } from './send-back-problem-action.dto';

@ApiTags('campaign problems')
@Controller('campaigns')
export class SendBackProblemActionController {
  constructor(private readonly problems: ProblemCommands) {}

  @Post(':campaignId/problems/:problemId/actions/:actionId/sending-back')
  @HttpCode(200)
  @Roles('campaign_admin', 'admin')
  @ApiOperation({ summary: 'A campaign admin sends the completed action back to its owner, with a reason' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiOkResponse({ type: CampaignProblemView })
  sendBack(
    @Param('campaignId', new ParseUUIDPipe()) campaignId: string,
    @Param('problemId', new ParseUUIDPipe()) problemId: string,
    @Param('actionId', new ParseUUIDPipe()) actionId: string,
    @Body() request: SendBackProblemActionRequest,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CampaignProblemView> {
    return this.problems.run(
      { type: 'SendBackProblemAction', campaignId, problemId, actionId, reason: request.reason },
      principal,
      expectedVersion,
      response,
    );
  }
}
