import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Principal } from '@cx/auth';
import { etag } from '@cx/platform';
import type { Response } from 'express';
import type { CampaignProblemView } from '../../queries/get-problem/campaign-problem.view';
import { GetCampaignProblem } from '../../queries/get-problem/get-problem.query';
import { CampaignProblemCommandInput, ChangeCampaignProblem } from './change-problem.command';

/** What every problem controller does: run the command, answer with the problem and its new ETag. */
@Injectable()
export class ProblemCommands {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  async run(
    input: CampaignProblemCommandInput,
    principal: Principal,
    expectedVersion: number | undefined,
    response: Response,
  ): Promise<CampaignProblemView> {
    await this.commands.execute(new ChangeCampaignProblem(input, principal, expectedVersion));
    const view = await this.queries.execute<GetCampaignProblem, CampaignProblemView>(
      new GetCampaignProblem(input.campaignId, input.problemId),
    );
    response.setHeader('ETag', etag(view.version));
    return view;
  }
}
