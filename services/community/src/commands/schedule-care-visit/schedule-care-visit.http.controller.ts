import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { COMMUNITY_STAFF } from '../../community-roles';
import { CareServiceView } from '../../queries/get-care-service/care-service.view';
import { CareServiceCommands } from '../command-on-care-service/care-service-commands';
import { ScheduleCareVisitRequest } from './schedule-care-visit.dto';

@ApiTags('care services')
@Controller('care-services')
export class ScheduleCareVisitController {
  constructor(private readonly careServices: CareServiceCommands) {}

  @Post(':careServiceId/visits')
  @HttpCode(200)
  @Roles(...COMMUNITY_STAFF)
  @ApiOperation({ summary: 'Book the next visit of an assigned service, or move the one booked' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiOkResponse({ type: CareServiceView })
  schedule(
    @Param('careServiceId', new ParseUUIDPipe()) careServiceId: string,
    @Body() request: ScheduleCareVisitRequest,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CareServiceView> {
    return this.careServices.run(
      { type: 'ScheduleCareVisit', careServiceId, scheduledFor: new Date(request.scheduledFor) },
      principal,
      expectedVersion,
      response,
    );
  }
}
