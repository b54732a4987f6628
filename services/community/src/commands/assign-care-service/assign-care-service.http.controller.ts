import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { COMMUNITY_STAFF } from '../../community-roles';
import { CareServiceView } from '../../queries/get-care-service/care-service.view';
import { CareServiceCommands } from '../command-on-care-service/care-service-commands';
import { AssignCareServiceRequest } from './assign-care-service.dto';

@ApiTags('care services')
@Controller('care-services')
export class AssignCareServiceController {
  constructor(private readonly careServices: CareServiceCommands) {}

  @Post(':careServiceId/assignment')
  @HttpCode(200)
  @Roles(...COMMUNITY_STAFF)
  @ApiOperation({ summary: 'Assign the service to a staff member (again: reassign)' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiOkResponse({ type: CareServiceView })
  assign(
    @Param('careServiceId', new ParseUUIDPipe()) careServiceId: string,
    @Body() request: AssignCareServiceRequest,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CareServiceView> {
    return this.careServices.run(
      { type: 'AssignCareService', careServiceId, assigneeId: request.assigneeId },
      principal,
      expectedVersion,
      response,
    );
  }
}
