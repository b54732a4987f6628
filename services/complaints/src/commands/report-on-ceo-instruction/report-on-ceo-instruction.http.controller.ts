import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { ComplaintView } from '../../queries/get-complaint/complaint.view';
import { ComplaintCommands } from '../change-complaint/complaint-commands';
import { ReportOnCeoInstructionRequest } from './report-on-ceo-instruction.dto';

@ApiTags('ceo office')
@Controller('complaints')
export class ReportOnCeoInstructionController {
  constructor(private readonly complaints: ComplaintCommands) {}

  @Post(':complaintId/ceo-instructions/:instructionId/report')
  @HttpCode(200)
  @Roles('agent', 'manager', 'ceo_office', 'admin')
  @ApiOperation({ summary: 'The accountable owner reports back to the CEO office' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiOkResponse({ type: ComplaintView })
  report(
    @Param('complaintId', new ParseUUIDPipe()) complaintId: string,
    @Param('instructionId', new ParseUUIDPipe()) instructionId: string,
    @Body() request: ReportOnCeoInstructionRequest,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ComplaintView> {
    return this.complaints.run(
      { type: 'ReportOnCeoInstruction', complaintId, instructionId, reporterId: principal.sub, report: request.report },
      principal,
      expectedVersion,
      response,
    );
  }
}
