import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Principal } from '@cx/auth';
import { etag } from '@cx/platform';
import type { Response } from 'express';
import type { ComplaintView } from '../../queries/get-complaint/complaint.view';
import { DecidedComplaint, GetComplaint } from '../../queries/get-complaint/get-complaint.query';
import { ChangeComplaint, ComplaintCommandInput } from './change-complaint.command';

/** What every complaint controller does: run the command, answer with the complaint and its new ETag. */
@Injectable()
export class ComplaintCommands {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  async run(
    input: ComplaintCommandInput,
    principal: Principal,
    expectedVersion: number | undefined,
    response: Response,
  ): Promise<ComplaintView> {
    const decided = await this.commands.execute<ChangeComplaint, DecidedComplaint>(
      new ChangeComplaint(input, principal, expectedVersion),
    );
    const view = await this.queries.execute<GetComplaint, ComplaintView>(
      new GetComplaint(input.complaintId, principal, decided),
    );
    response.setHeader('ETag', etag(view.version));
    return view;
  }
}
