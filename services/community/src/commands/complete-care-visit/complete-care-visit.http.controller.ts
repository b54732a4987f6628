import { Controller, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { COMMUNITY_STAFF } from '../../community-roles';
import { CareServiceView } from '../../queries/get-care-service/care-service.view';
import { CareServiceCommands } from '../command-on-care-service/care-service-commands';

@ApiTags('care services')
@Controller('care-services')
export class CompleteCareVisitController {
  constructor(private readonly careServices: CareServiceCommands) {}

  @Post(':careServiceId/visits/:visitNumber/completion')
  @HttpCode(200)
  @Roles(...COMMUNITY_STAFF)
  @ApiOperation({ summary: 'The visit took place; a recurring service books its next visit in the same step' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiOkResponse({ type: CareServiceView })
  complete(
    @Param('careServiceId', new ParseUUIDPipe()) careServiceId: string,
    @Param('visitNumber', new ParseIntPipe()) visitNumber: number,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CareServiceView> {
    return this.careServices.run(
      { type: 'CompleteCareVisit', careServiceId, visitNumber, completedBy: principal.sub },
      principal,
      expectedVersion,
      response,
    );
  }
}
