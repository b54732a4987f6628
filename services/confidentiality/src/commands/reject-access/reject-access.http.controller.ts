import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { AccessGrantView } from '../../queries/get-access-grant/access-grant.view';
import { AccessGrantCommands } from '../change-access-grant/access-grant-commands';
import { ReasonRequest } from '../confidentiality-reason';

@ApiTags('access grants')
@Controller('access-grants')
export class RejectAccessController {
  constructor(private readonly grants: AccessGrantCommands) {}

  @Post(':grantId/rejection')
  @HttpCode(200)
  @Roles('dpo', 'admin')
  @ApiOperation({ summary: 'Reject a request, with the reason' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiOkResponse({ type: AccessGrantView })
  reject(
    @Param('grantId', new ParseUUIDPipe()) grantId: string,
    @Body() request: ReasonRequest,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AccessGrantView> {
    return this.grants.run(
      { type: 'RejectAccess', grantId, rejectedBy: principal.sub, reason: request.reason.trim() },
      principal,
      expectedVersion,
      response,
    );
  }
}
