import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { InformationAssetView } from '../../queries/get-information-asset/information-asset.view';
import { InformationAssetCommands } from '../change-information-asset/information-asset-commands';
import { ReclassifyInformationAssetRequest } from './reclassify-information-asset.dto';

@ApiTags('information assets')
@Controller('information-assets')
export class ReclassifyInformationAssetController {
  constructor(private readonly assets: InformationAssetCommands) {}

  @Post(':assetId/reclassification')
  @HttpCode(200)
  @Roles('dpo', 'admin')
  @ApiOperation({ summary: 'Move the asset to another confidentiality level, with the reason' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiOkResponse({ type: InformationAssetView })
  reclassify(
    @Param('assetId', new ParseUUIDPipe()) assetId: string,
    @Body() request: ReclassifyInformationAssetRequest,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<InformationAssetView> {
    return this.assets.run(
      { type: 'ReclassifyInformationAsset', assetId, level: request.level, reason: request.reason.trim() },
      principal,
      expectedVersion,
      response,
    );
  }
}
