import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@cx/auth';
import { etag } from '@cx/platform';
import type { Response } from 'express';
import { CampaignProblemView } from './campaign-problem.view';
import { GetCampaignProblem } from './get-problem.query';

@ApiTags('campaign problems')
@Controller('campaigns')
export class GetCampaignProblemController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':campaignId/problems/:problemId')
  @Roles('campaign_admin', 'manager', 'ceo_office', 'auditor', 'admin')
  @ApiOperation({
    summary: 'A problem found in the campaign, its links and improvement actions; ETag carries its version',
  })
  @ApiOkResponse({ type: CampaignProblemView })
  async get(
    @Param('campaignId', new ParseUUIDPipe()) campaignId: string,
    @Param('problemId', new ParseUUIDPipe()) problemId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CampaignProblemView> {
    const view = await this.queries.execute<GetCampaignProblem, CampaignProblemView>(
      new GetCampaignProblem(campaignId, problemId),
    );
    response.setHeader('ETag', etag(view.version));
    return view;
  }
}
