import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { ProblemCommands } from '../change-problem/problem-commands';
import { AddProblemActionRequest } from './add-problem-action.dto';
import { ProblemActionAddedView } from './add-problem-action.view';

@ApiTags('campaign problems')
@Controller('campaigns')
export class AddProblemActionController {
  constructor(private readonly problems: ProblemCommands) {}

  @Post(':campaignId/problems/:problemId/actions')
  @HttpCode(201)
  @Roles('campaign_admin', 'manager', 'admin')
  @ApiOperation({ summary: 'Add an improvement action with an owner and a due date; answers its actionId' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiCreatedResponse({ type: ProblemActionAddedView })
  async add(
    @Param('campaignId', new ParseUUIDPipe()) campaignId: string,
    @Param('problemId', new ParseUUIDPipe()) problemId: string,
    @Body() request: AddProblemActionRequest,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProblemActionAddedView> {
    const actionId = randomUUID();
    const view = await this.problems.run(
      {
        type: 'AddProblemAction',
        campaignId,
        problemId,
        actionId,
        description: request.description,
        ownerId: request.ownerId,
        dueDate: request.dueDate,
      },
      principal,
      expectedVersion,
      response,
    );
    return { ...view, actionId };
  }
}
