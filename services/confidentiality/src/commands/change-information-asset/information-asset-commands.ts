import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Principal } from '@cx/auth';
import { etag } from '@cx/platform';
import type { Response } from 'express';
import { GetInformationAsset } from '../../queries/get-information-asset/get-information-asset.query';
import type { InformationAssetView } from '../../queries/get-information-asset/information-asset.view';
import { ChangeInformationAsset, InformationAssetCommandInput } from './change-information-asset.command';

/** What every asset controller does: run the command, answer with the asset and its new ETag. */
@Injectable()
export class InformationAssetCommands {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  async run(
    input: InformationAssetCommandInput,
    principal: Principal,
    expectedVersion: number | undefined,
    response: Response,
  ): Promise<InformationAssetView> {
    await this.commands.execute(new ChangeInformationAsset(input, principal, expectedVersion));
    const view = await this.queries.execute<GetInformationAsset, InformationAssetView>(
      new GetInformationAsset(input.assetId),
    );
    response.setHeader('ETag', etag(view.version));
    return view;
  }
}
