import { Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { SubjectView } from '../../queries/get-subject/subject.view';
import { SubjectIdPipe } from '../../subject-id.pipe';
import { SubjectCommands } from '../change-subject/subject-commands';

@ApiTags('subjects')
@Controller('subjects')
export class ReleaseLegalHoldController {
  constructor(private readonly subjects: SubjectCommands) {}

  @Post(':subjectId/legal-holds/:holdId/release')
  @HttpCode(200)
  @Roles('dpo', 'admin')
  @ApiOperation({ summary: 'Release a legal hold; once none is left, the subject can be erased' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiOkResponse({ type: SubjectView })
  release(
    @Param('subjectId', SubjectIdPipe) subjectId: string,
    @Param('holdId', new ParseUUIDPipe()) holdId: string,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SubjectView> {
    return this.subjects.run({ type: 'ReleaseLegalHold', subjectId, holdId }, principal, expectedVersion, response);
  }
}
