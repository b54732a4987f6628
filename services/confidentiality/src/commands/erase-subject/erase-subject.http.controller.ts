import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import type { SubjectErasedV1 } from '@cx/contracts';
import type { AppendResult } from '@cx/event-store';
import { etag, IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { SubjectIdPipe } from '../../subject-id.pipe';
import { ChangeSubject } from '../change-subject/change-subject.command';
import { EraseSubjectRequest } from './erase-subject.dto';
import { ErasedSubjectView } from './erase-subject.view';

@ApiTags('subjects')
@Controller('subjects')
export class EraseSubjectController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':subjectId/erasure')
  @HttpCode(200)
  @Roles('dpo', 'admin')
  @ApiOperation({
    summary: 'Erase the subject: its key is destroyed, every copy of its data unreadable (crypto-shredding)',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiOkResponse({ type: ErasedSubjectView })
  @ApiConflictResponse({ description: 'A legal hold applies: `legalHolds` names it' })
  async erase(
    @Param('subjectId', SubjectIdPipe) subjectId: string,
    @Body() request: EraseSubjectRequest,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ErasedSubjectView> {
    const result = await this.commands.execute<ChangeSubject, AppendResult>(
      new ChangeSubject({ type: 'EraseSubject', subjectId, ground: request.ground }, principal, expectedVersion),
    );
    const { ground, erasedAt } = result.events[0].data as SubjectErasedV1;
    response.setHeader('ETag', etag(result.streamVersion));
    return { subjectId, status: 'erased', ground, erasedAt, version: result.streamVersion };
  }
}
