import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { ComplaintView } from '../../queries/get-complaint/complaint.view';
import { ComplaintCommands } from '../change-complaint/complaint-commands';
import { AddAttachmentRequest } from './add-attachment.dto';

@ApiTags('complaints')
@Controller('complaints')
export class AddAttachmentController {
  constructor(private readonly complaints: ComplaintCommands) {}

  @Post(':complaintId/attachments')
  @HttpCode(200)
  @Roles('agent', 'manager', 'ceo_office', 'admin')
  @ApiOperation({ summary: 'Attach a reference (https URL + SHA-256) to a document or photo' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiOkResponse({ type: ComplaintView })
  add(
    @Param('complaintId', new ParseUUIDPipe()) complaintId: string,
    @Body() request: AddAttachmentRequest,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ComplaintView> {
    return this.complaints.run(
      {
        type: 'AddAttachment',
        complaintId,
        attachmentId: randomUUID(),
        url: request.url,
        sha256: request.sha256,
        mediaType: request.mediaType,
      },
      principal,
      expectedVersion,
      response,
    );
  }
}
