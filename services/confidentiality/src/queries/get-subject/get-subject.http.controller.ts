import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiGoneResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@cx/auth';
import { etag } from '@cx/platform';
import type { Response } from 'express';
import { SubjectIdPipe } from '../../subject-id.pipe';
import { GetSubject } from './get-subject.query';
import { SubjectView } from './subject.view';

@ApiTags('subjects')
@Controller('subjects')
export class GetSubjectController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':subjectId')
  @Roles('agent', 'manager', 'dpo', 'admin')
  @ApiOperation({ summary: 'A subject, masked (138****5678); ETag carries its version; 410 once erased' })
  @ApiOkResponse({ type: SubjectView })
  @ApiGoneResponse({ description: 'The subject was erased' })
  async get(
    @Param('subjectId', SubjectIdPipe) subjectId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SubjectView> {
    const view = await this.queries.execute<GetSubject, SubjectView>(new GetSubject(subjectId));
    response.setHeader('ETag', etag(view.version));
    return view;
  }
}
