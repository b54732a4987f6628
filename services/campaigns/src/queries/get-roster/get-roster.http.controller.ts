import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { etag } from '@cx/platform';
import type { Response } from 'express';
import { GetRoster } from './get-roster.query';
import { RosterView } from './roster.view';

@ApiTags('listening campaigns')
@Controller('campaigns')
export class GetRosterController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':campaignId/roster')
  @Roles('campaign_admin', 'manager', 'ceo_office', 'auditor', 'hr', 'admin')
  @ApiOperation({
    summary: 'The roster in numbers: people and eligible people per segment; ETag is the roster’s version',
  })
  @ApiOkResponse({ type: RosterView })
  async get(
    @Param('campaignId', new ParseUUIDPipe()) campaignId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RosterView> {
    const view = await this.queries.execute<GetRoster, RosterView>(new GetRoster(campaignId, principal));
    response.setHeader('ETag', etag(view.version));
    return view;
  }
}
