import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { COMMUNITY_STAFF } from '../../community-roles';
import { CareServiceView } from '../../queries/get-care-service/care-service.view';
import { CareServiceCommands } from '../command-on-care-service/care-service-commands';
import { EndCareServiceRequest } from './end-care-service.dto';

@ApiTags('care services')
@Controller('care-services')
export class EndCareServiceController {
  constructor(private readonly careServices: CareServiceCommands) {}

  @Post(':careServiceId/ending')
  @HttpCode(200)
  @Roles(...COMMUNITY_STAFF)
  @ApiOperation({ summary: 'End a service before completion, or stop a recurring one' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiOkResponse({ type: CareServiceView })
  end(
    @Param('careServiceId', new ParseUUIDPipe()) careServiceId: string,
    @Body() request: EndCareServiceRequest,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CareServiceView> {
    return this.careServices.run(
      { type: 'EndCareService', careServiceId, reason: request.reason },
      principal,
      expectedVersion,
      response,
    );
  }
}
