import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { etag } from '@cx/platform';
import type { Response } from 'express';
import { COMMUNITY_READERS } from '../../community-roles';
import { CommunityCodePipe } from './community-code.pipe';
import { CommunityRegisterView } from './community-register.view';
import { GetCommunityRegister } from './get-community-register.query';

@ApiTags('community register')
@Controller('communities')
export class GetCommunityRegisterController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':community/residents')
  @Roles(...COMMUNITY_READERS)
  @ApiOperation({
    summary: 'How many residents the community register has, and how many on elderly care; ETag = version',
  })
  @ApiOkResponse({ type: CommunityRegisterView })
  async get(
    @Param('community', CommunityCodePipe) community: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommunityRegisterView> {
    const view = await this.queries.execute<GetCommunityRegister, CommunityRegisterView>(
      new GetCommunityRegister(community, principal),
    );
    response.setHeader('ETag', etag(view.version));
    return view;
  }
}
