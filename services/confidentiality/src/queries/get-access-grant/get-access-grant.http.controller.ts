import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@cx/auth';
import { etag } from '@cx/platform';
import type { Response } from 'express';
import { GRANT_HOLDER_ROLES } from '../../commands/staff-roles';
import { AccessGrantView } from './access-grant.view';
import { GetAccessGrant } from './get-access-grant.query';

@ApiTags('access grants')
@Controller('access-grants')
export class GetAccessGrantController {
  constructor(private readonly queries: QueryBus) {}

  /** Requesters follow their requests here; a grant names staff and scopes, no personal data. */
  @Get(':grantId')
  @Roles(...GRANT_HOLDER_ROLES, 'auditor')
  @ApiOperation({ summary: 'An access grant: terms, approval and where it stands now; ETag carries its version' })
  @ApiOkResponse({ type: AccessGrantView })
  async get(
    @Param('grantId', new ParseUUIDPipe()) grantId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AccessGrantView> {
    const view = await this.queries.execute<GetAccessGrant, AccessGrantView>(new GetAccessGrant(grantId));
    response.setHeader('ETag', etag(view.version));
    return view;
  }
}
