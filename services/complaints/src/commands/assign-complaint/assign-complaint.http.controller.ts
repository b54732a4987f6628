import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { ComplaintView } from '../../queries/get-complaint/complaint.view';
import { ComplaintCommands } from '../change-complaint/complaint-commands';
import { AssignComplaintRequest } from './assign-complaint.dto';

@ApiTags('complaints')
@Controller('complaints')
export class AssignComplaintController {
  constructor(private readonly complaints: ComplaintCommands) {}

  @Post(':complaintId/assignment')
  @HttpCode(200)
  @Roles('agent', 'manager', 'ceo_office', 'admin')
  @ApiOperation({ summary: 'Assign (or reassign) the handler; acknowledges a registered complaint' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiOkResponse({ type: ComplaintView })
  assign(
    @Param('complaintId', new ParseUUIDPipe()) complaintId: string,
    @Body() request: AssignComplaintRequest,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ComplaintView> {
    return this.complaints.run(
      { type: 'AssignComplaint', complaintId, handlerId: request.handlerId },
      principal,
      expectedVersion,
      response,
    );
  }
}
