import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { InformationAssetView } from '../../queries/get-information-asset/information-asset.view';
import { InformationAssetCommands } from '../change-information-asset/information-asset-commands';
import { ReasonRequest } from '../confidentiality-reason';

@ApiTags('information assets')
@Controller('information-assets')
export class RetireInformationAssetController {
  constructor(private readonly assets: InformationAssetCommands) {}

  @Post(':assetId/retirement')
  @HttpCode(200)
  @Roles('dpo', 'admin')
  @ApiOperation({ summary: 'Retire the asset: no longer held or used; it stays in the register with its history' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiOkResponse({ type: InformationAssetView })
  retire(
    @Param('assetId', new ParseUUIDPipe()) assetId: string,
    @Body() request: ReasonRequest,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<InformationAssetView> {
    return this.assets.run(
      { type: 'RetireInformationAsset', assetId, reason: request.reason.trim() },
      principal,
      expectedVersion,
      response,
    );
  }
}
