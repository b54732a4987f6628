import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { etag, IdempotencyKey, IdempotencyKeyHeader } from '@cx/platform';
import type { Response } from 'express';
import { CampaignProblemView } from '../../queries/get-problem/campaign-problem.view';
import { GetCampaignProblem } from '../../queries/get-problem/get-problem.query';
import { RaiseCampaignProblemCommand, RaiseOutcome } from './raise-problem.command';
import { RaiseProblemRequest } from './raise-problem.dto';

@ApiTags('campaign problems')
@Controller('campaigns')
export class RaiseCampaignProblemController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post(':campaignId/problems')
  @HttpCode(201)
  @Roles('campaign_admin', 'manager', 'admin')
  @ApiOperation({ summary: 'Raise a finding of an activity as a problem with an owner (one per finding)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeating a key returns the first result' })
  @ApiCreatedResponse({ type: CampaignProblemView })
  async raise(
    @Param('campaignId', new ParseUUIDPipe()) campaignId: string,
    @Body() request: RaiseProblemRequest,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey: IdempotencyKeyHeader | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CampaignProblemView> {
    const outcome = await this.commands.execute<RaiseCampaignProblemCommand, RaiseOutcome>(
      new RaiseCampaignProblemCommand(campaignId, request, principal, idempotencyKey),
    );
    const view = await this.queries.execute<GetCampaignProblem, CampaignProblemView>(
      new GetCampaignProblem(campaignId, outcome.problemId),
    );
    response.setHeader('Location', `/v1/campaigns/${campaignId}/problems/${outcome.problemId}`);
    response.setHeader('ETag', etag(view.version));
    if (outcome.replayed) response.setHeader('Idempotent-Replayed', 'true');
    return view;
  }
}
