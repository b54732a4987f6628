import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IdempotencyKey, IdempotencyKeyHeader } from '@cx/platform';
import type { Response } from 'express';
import { ON_RESIDENTS_BEHALF } from '../../community-roles';
import { CareServiceView } from '../../queries/get-care-service/care-service.view';
import { CareServiceCommands } from '../command-on-care-service/care-service-commands';
import { RequestCareServiceCommand, RequestOutcome } from './request-care-service.command';
import { RequestCareServiceRequest } from './request-care-service.dto';

@ApiTags('care services')
@Controller('care-services')
export class RequestCareServiceController {
  constructor(
    private readonly commands: CommandBus,
    private readonly careServices: CareServiceCommands,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles(...ON_RESIDENTS_BEHALF)
  @ApiOperation({ summary: 'Request a life-stage care service for a resident, once or recurring' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeating a key returns the first result' })
  @ApiCreatedResponse({ type: CareServiceView })
  async request(
    @Body() request: RequestCareServiceRequest,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey: IdempotencyKeyHeader | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CareServiceView> {
    const outcome = await this.commands.execute<RequestCareServiceCommand, RequestOutcome>(
      new RequestCareServiceCommand(request, principal, idempotencyKey),
    );
    response.setHeader('Location', `/v1/care-services/${outcome.careServiceId}`);
    if (outcome.replayed) response.setHeader('Idempotent-Replayed', 'true');
    return this.careServices.careService(outcome.careServiceId, principal, response);
  }
}
