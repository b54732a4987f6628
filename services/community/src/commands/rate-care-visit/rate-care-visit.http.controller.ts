import { Body, Controller, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { ON_RESIDENTS_BEHALF } from '../../community-roles';
import { CareServiceView } from '../../queries/get-care-service/care-service.view';
import { CareServiceCommands } from '../command-on-care-service/care-service-commands';
import { RateCareVisitRequest } from './rate-care-visit.dto';

@ApiTags('care services')
@Controller('care-services')
export class RateCareVisitController {
  constructor(private readonly careServices: CareServiceCommands) {}

  @Post(':careServiceId/visits/:visitNumber/rating')
  @HttpCode(200)
  @Roles(...ON_RESIDENTS_BEHALF)
  @ApiOperation({ summary: 'The resident rates a completed visit (1-5), once' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiOkResponse({ type: CareServiceView })
  rate(
    @Param('careServiceId', new ParseUUIDPipe()) careServiceId: string,
    @Param('visitNumber', new ParseIntPipe()) visitNumber: number,
    @Body() request: RateCareVisitRequest,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CareServiceView> {
    return this.careServices.run(
      { type: 'RateCareVisit', careServiceId, visitNumber, rating: request.rating },
      principal,
      expectedVersion,
      response,
    );
  }
}
