import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@cx/auth';
import { etag } from '@cx/platform';
import type { Response } from 'express';
import { GetInformationAsset } from './get-information-asset.query';
import { InformationAssetView } from './information-asset.view';

@ApiTags('information assets')
@Controller('information-assets')
export class GetInformationAssetController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':assetId')
  @Roles('dpo', 'admin', 'auditor')
  @ApiOperation({ summary: 'An information asset with its classification history; ETag carries its version' })
  @ApiOkResponse({ type: InformationAssetView })
  async get(
    @Param('assetId', new ParseUUIDPipe()) assetId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<InformationAssetView> {
    const view = await this.queries.execute<GetInformationAsset, InformationAssetView>(
      new GetInformationAsset(assetId),
    );
    response.setHeader('ETag', etag(view.version));
    return view;
  }
}
