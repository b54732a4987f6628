import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Principal } from '@cx/auth';
import { etag } from '@cx/platform';
import type { Response } from 'express';
import type { AccessGrantView } from '../../queries/get-access-grant/access-grant.view';
import { GetAccessGrant } from '../../queries/get-access-grant/get-access-grant.query';
import { AccessGrantCommandInput, ChangeAccessGrant } from './change-access-grant.command';

/** What every grant decision controller does: run the command, answer with the grant and its new ETag. */
@Injectable()
export class AccessGrantCommands {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  async run(
    input: AccessGrantCommandInput,
    principal: Principal,
    expectedVersion: number | undefined,
    response: Response,
  ): Promise<AccessGrantView> {
    await this.commands.execute(new ChangeAccessGrant(input, principal, expectedVersion));
    const view = await this.queries.execute<GetAccessGrant, AccessGrantView>(new GetAccessGrant(input.grantId));
    response.setHeader('ETag', etag(view.version));
    return view;
  }
}
