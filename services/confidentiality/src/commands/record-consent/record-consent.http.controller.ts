import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { SubjectView } from '../../queries/get-subject/subject.view';
import { SubjectIdPipe } from '../../subject-id.pipe';
import { SubjectCommands } from '../change-subject/subject-commands';
import { RecordConsentRequest } from './record-consent.dto';

@ApiTags('subjects')
@Controller('subjects')
export class RecordConsentController {
  constructor(private readonly subjects: SubjectCommands) {}

  @Post(':subjectId/consents')
  @HttpCode(200)
  @Roles('dpo', 'admin')
  @ApiOperation({ summary: 'Record that the subject gave or withdrew consent for a purpose, and when' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiOkResponse({ type: SubjectView })
  record(
    @Param('subjectId', SubjectIdPipe) subjectId: string,
    @Body() request: RecordConsentRequest,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SubjectView> {
    const { purpose, decision, decidedAt } = request;
    return this.subjects.run(
      { type: 'RecordConsent', subjectId, purpose, decision, decidedAt: new Date(decidedAt) },
      principal,
      expectedVersion,
      response,
    );
  }
}
