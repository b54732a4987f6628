import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { ComplaintView } from '../../queries/get-complaint/complaint.view';
import { ComplaintCommands } from '../change-complaint/complaint-commands';
import { CloseComplaintRequest } from './close-complaint.dto';

@ApiTags('complaints')
@Controller('complaints')
export class CloseComplaintController {
  constructor(private readonly complaints: ComplaintCommands) {}

  @Post(':complaintId/closure')
  @HttpCode(200)
  @Roles('agent', 'manager', 'ceo_office', 'admin')
  @ApiOperation({ summary: 'Close a resolved complaint with the customer’s satisfaction (1-5)' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiOkResponse({ type: ComplaintView })
  close(
    @Param('complaintId', new ParseUUIDPipe()) complaintId: string,
    @Body() request: CloseComplaintRequest,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ComplaintView> {
    return this.complaints.run(
      { type: 'CloseComplaint', complaintId, satisfaction: request.satisfaction },
      principal,
      expectedVersion,
      response,
    );
  }
}
