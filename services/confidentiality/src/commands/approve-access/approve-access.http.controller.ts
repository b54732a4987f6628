import { Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiForbiddenResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { AccessGrantView } from '../../queries/get-access-grant/access-grant.view';
import { AccessGrantCommands } from '../change-access-grant/access-grant-commands';

@ApiTags('access grants')
@Controller('access-grants')
export class ApproveAccessController {
  constructor(private readonly grants: AccessGrantCommands) {}

  @Post(':grantId/approval')
  @HttpCode(200)
  @Roles('dpo', 'admin')
  @ApiOperation({ summary: 'Approve a request: access applies until its expiry. Never by the requester or grantee' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiOkResponse({ type: AccessGrantView })
  @ApiForbiddenResponse({ description: '`access-grant-self-approval`: the approver asked for or would hold it' })
  approve(
    @Param('grantId', new ParseUUIDPipe()) grantId: string,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AccessGrantView> {
    return this.grants.run(
      { type: 'ApproveAccess', grantId, approvedBy: principal.sub, approverRoles: principal.roles },
      principal,
      expectedVersion,
      response,
    );
  }
}
