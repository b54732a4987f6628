import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Principal } from '@cx/auth';
import { etag } from '@cx/platform';
import type { Response } from 'express';
import type { CareServiceView } from '../../queries/get-care-service/care-service.view';
import { GetCareService } from '../../queries/get-care-service/get-care-service.query';
import { CareServiceCommandInput, CommandOnCareService } from './command-on-care-service.command';

/** What every care service controller does: run the command, answer with the service and its new ETag. */
@Injectable()
export class CareServiceCommands {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  async run(
    input: CareServiceCommandInput,
    principal: Principal,
    expectedVersion: number | undefined,
    response: Response,
  ): Promise<CareServiceView> {
    await this.commands.execute(new CommandOnCareService(input, principal, expectedVersion));
    return this.careService(input.careServiceId, principal, response);
  }

  async careService(careServiceId: string, principal: Principal, response: Response): Promise<CareServiceView> {
    const view = await this.queries.execute<GetCareService, CareServiceView>(
      new GetCareService(careServiceId, principal),
    );
    response.setHeader('ETag', etag(view.version));
    return view;
  }
}
