import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { etag } from '@cx/platform';
import type { Response } from 'express';
import { COMMUNITY_READERS } from '../../community-roles';
import { CareServiceView } from './care-service.view';
import { GetCareService } from './get-care-service.query';

@ApiTags('care services')
@Controller('care-services')
export class GetCareServiceController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':careServiceId')
  @Roles(...COMMUNITY_READERS)
  @ApiOperation({ summary: 'A care service with its visits and ratings; ETag carries its version' })
  @ApiOkResponse({ type: CareServiceView })
  async get(
    @Param('careServiceId', new ParseUUIDPipe()) careServiceId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CareServiceView> {
    const view = await this.queries.execute<GetCareService, CareServiceView>(
      new GetCareService(careServiceId, principal),
    );
    response.setHeader('ETag', etag(view.version));
    return view;
  }
}
