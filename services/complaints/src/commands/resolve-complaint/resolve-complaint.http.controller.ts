import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { ComplaintView } from '../../queries/get-complaint/complaint.view';
import { ComplaintCommands } from '../change-complaint/complaint-commands';
import { ResolveComplaintRequest } from './resolve-complaint.dto';

@ApiTags('complaints')
@Controller('complaints')
export class ResolveComplaintController {
  constructor(private readonly complaints: ComplaintCommands) {}

  @Post(':complaintId/resolution')
  @HttpCode(200)
  @Roles('agent', 'manager', 'ceo_office', 'admin')
  @ApiOperation({ summary: 'Resolve an assigned complaint with an outcome' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiOkResponse({ type: ComplaintView })
  resolve(
    @Param('complaintId', new ParseUUIDPipe()) complaintId: string,
    @Body() request: ResolveComplaintRequest,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ComplaintView> {
    return this.complaints.run(
      { type: 'ResolveComplaint', complaintId, outcome: request.outcome },
      principal,
      expectedVersion,
      response,
    );
  }
}
