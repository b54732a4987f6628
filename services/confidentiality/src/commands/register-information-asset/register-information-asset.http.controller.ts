import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { etag, IdempotencyKey, IdempotencyKeyHeader } from '@cx/platform';
import type { Response } from 'express';
import { GetInformationAsset } from '../../queries/get-information-asset/get-information-asset.query';
import { InformationAssetView } from '../../queries/get-information-asset/information-asset.view';
import { RegisterAssetOutcome, RegisterInformationAssetCommand } from './register-information-asset.command';
import { RegisterInformationAssetRequest } from './register-information-asset.dto';

@ApiTags('information assets')
@Controller('information-assets')
export class RegisterInformationAssetController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('dpo', 'admin')
  @ApiOperation({ summary: 'Register an information asset with its category, level, owner and handling rules' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeating a key returns the first result' })
  @ApiCreatedResponse({ type: InformationAssetView })
  async register(
    @Body() request: RegisterInformationAssetRequest,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey: IdempotencyKeyHeader | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<InformationAssetView> {
    const outcome = await this.commands.execute<RegisterInformationAssetCommand, RegisterAssetOutcome>(
      new RegisterInformationAssetCommand(request, principal, idempotencyKey),
    );
    const view = await this.queries.execute<GetInformationAsset, InformationAssetView>(
      new GetInformationAsset(outcome.assetId),
    );
    response.setHeader('Location', `/v1/information-assets/${outcome.assetId}`);
    response.setHeader('ETag', etag(view.version));
    if (outcome.replayed) response.setHeader('Idempotent-Replayed', 'true');
    return view;
  }
}
