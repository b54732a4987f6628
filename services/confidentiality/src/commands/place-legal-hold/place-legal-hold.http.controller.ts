import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { SubjectIdPipe } from '../../subject-id.pipe';
import { SubjectCommands } from '../change-subject/subject-commands';
import { PlaceLegalHoldRequest } from './place-legal-hold.dto';
import { LegalHoldPlacedView } from './place-legal-hold.view';

@ApiTags('subjects')
@Controller('subjects')
export class PlaceLegalHoldController {
  constructor(private readonly subjects: SubjectCommands) {}

  @Post(':subjectId/legal-holds')
  @HttpCode(201)
  @Roles('dpo', 'admin')
  @ApiOperation({ summary: 'Place a legal hold: erasure is refused until it is released; answers its holdId' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiCreatedResponse({ type: LegalHoldPlacedView })
  async place(
    @Param('subjectId', SubjectIdPipe) subjectId: string,
    @Body() request: PlaceLegalHoldRequest,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LegalHoldPlacedView> {
    const holdId = randomUUID();
    const view = await this.subjects.run(
      { type: 'PlaceLegalHold', subjectId, holdId, reason: request.reason, reference: request.reference.trim() },
      principal,
      expectedVersion,
      response,
    );
    return { ...view, holdId };
  }
}
