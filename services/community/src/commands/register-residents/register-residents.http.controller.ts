import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { etag, IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { COMMUNITY_STAFF } from '../../community-roles';
import { CommunityRegisterView } from '../../queries/get-community-register/community-register.view';
import { GetCommunityRegister } from '../../queries/get-community-register/get-community-register.query';
import { CommunityCodePipe } from '../../queries/get-community-register/community-code.pipe';
import { RegisterResidentsCommand } from './register-residents.command';
import { RegisterResidentsRequest } from './register-residents.dto';

@ApiTags('community register')
@Controller('communities')
export class RegisterResidentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post(':community/residents')
  @HttpCode(200)
  @Roles(...COMMUNITY_STAFF)
  @ApiOperation({
    summary: 'Add residents (subject ids) to the community register, or change their elderly care enrolment',
  })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The register’s ETag the import is based on; stale → 412',
  })
  @ApiOkResponse({ type: CommunityRegisterView })
  async register(
    @Param('community', CommunityCodePipe) community: string,
    @Body() request: RegisterResidentsRequest,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommunityRegisterView> {
    await this.commands.execute(new RegisterResidentsCommand(community, request, principal, expectedVersion));
    const view = await this.queries.execute<GetCommunityRegister, CommunityRegisterView>(
      new GetCommunityRegister(community, principal),
    );
    response.setHeader('ETag', etag(view.version));
    return view;
  }
}
