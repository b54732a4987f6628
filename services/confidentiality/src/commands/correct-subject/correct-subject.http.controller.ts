import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { etag, IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { GetSubject } from '../../queries/get-subject/get-subject.query';
import { SubjectView } from '../../queries/get-subject/subject.view';
import { SubjectIdPipe } from '../../subject-id.pipe';
import { CorrectSubjectCommand } from './correct-subject.command';
import { CorrectSubjectRequest } from './correct-subject.dto';

@ApiTags('subjects')
@Controller('subjects')
export class CorrectSubjectController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post(':subjectId/correction')
  @HttpCode(200)
  @Roles('dpo', 'admin')
  @ApiOperation({ summary: 'Correct personal data; re-sealed under a new data key, the replaced values shredded' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiOkResponse({ type: SubjectView })
  async correct(
    @Param('subjectId', SubjectIdPipe) subjectId: string,
    @Body() request: CorrectSubjectRequest,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SubjectView> {
    await this.commands.execute(new CorrectSubjectCommand(subjectId, request, principal, expectedVersion));
    const view = await this.queries.execute<GetSubject, SubjectView>(new GetSubject(subjectId));
    response.setHeader('ETag', etag(view.version));
    return view;
  }
}
