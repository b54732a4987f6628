import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { ComplaintView } from '../../queries/get-complaint/complaint.view';
import { ComplaintCommands } from '../change-complaint/complaint-commands';
import { IssueCeoInstructionRequest } from './issue-ceo-instruction.dto';

@ApiTags('ceo office')
@Controller('complaints')
export class IssueCeoInstructionController {
  constructor(private readonly complaints: ComplaintCommands) {}

  @Post(':complaintId/ceo-instructions')
  @HttpCode(200)
  @Roles('ceo_office', 'admin')
  @ApiOperation({ summary: 'Instruct an accountable owner below the CEO office, with a due date and a note' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiOkResponse({ type: ComplaintView })
  issue(
    @Param('complaintId', new ParseUUIDPipe()) complaintId: string,
    @Body() request: IssueCeoInstructionRequest,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ComplaintView> {
    return this.complaints.run(
      {
        type: 'IssueCeoInstruction',
        complaintId,
        instructionId: randomUUID(),
        ownerId: request.ownerId,
        ownerLevel: request.ownerLevel,
        dueAt: new Date(request.dueAt),
        note: request.note,
      },
      principal,
      expectedVersion,
      response,
    );
  }
}
