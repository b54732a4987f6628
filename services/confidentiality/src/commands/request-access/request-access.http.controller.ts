import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { etag, IdempotencyKey, IdempotencyKeyHeader } from '@cx/platform';
import type { Response } from 'express';
import { AccessGrantView } from '../../queries/get-access-grant/access-grant.view';
import { GetAccessGrant } from '../../queries/get-access-grant/get-access-grant.query';
import { GRANT_HOLDER_ROLES } from '../staff-roles';
import { RequestAccessCommand, RequestAccessOutcome } from './request-access.command';
import { RequestAccessRequest } from './request-access.dto';

@ApiTags('access grants')
@Controller('access-grants')
export class RequestAccessController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles(...GRANT_HOLDER_ROLES)
  @ApiOperation({ summary: 'Request access to a category of information up to a level, for a purpose, until a date' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeating a key returns the first result' })
  @ApiCreatedResponse({ type: AccessGrantView })
  async request(
    @Body() request: RequestAccessRequest,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey: IdempotencyKeyHeader | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AccessGrantView> {
    const outcome = await this.commands.execute<RequestAccessCommand, RequestAccessOutcome>(
      new RequestAccessCommand(request, principal, idempotencyKey),
    );
    const view = await this.queries.execute<GetAccessGrant, AccessGrantView>(new GetAccessGrant(outcome.grantId));
    response.setHeader('Location', `/v1/access-grants/${outcome.grantId}`);
    response.setHeader('ETag', etag(view.version));
    if (outcome.replayed) response.setHeader('Idempotent-Replayed', 'true');
    return view;
  }
}
