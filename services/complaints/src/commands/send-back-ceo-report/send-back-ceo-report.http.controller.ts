import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { ComplaintView } from '../../queries/get-complaint/complaint.view';
import { ComplaintCommands } from '../change-complaint/complaint-commands';
import { SendBackCeoReportRequest } from './send-back-ceo-report.dto';

@ApiTags('ceo office')
@Controller('complaints')
export class SendBackCeoReportController {
  constructor(private readonly complaints: ComplaintCommands) {}

  @Post(':complaintId/ceo-instructions/:instructionId/sending-back')
  @HttpCode(200)
  @Roles('ceo_office', 'admin')
  @ApiOperation({ summary: 'The CEO office sends the report back, with a reason' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiOkResponse({ type: ComplaintView })
  sendBack(
    @Param('complaintId', new ParseUUIDPipe()) complaintId: string,
    @Param('instructionId', new ParseUUIDPipe()) instructionId: string,
    @Body() request: SendBackCeoReportRequest,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ComplaintView> {
    return this.complaints.run(
      { type: 'SendBackCeoReport', complaintId, instructionId, reason: request.reason },
      principal,
      expectedVersion,
      response,
    );
  }
}
