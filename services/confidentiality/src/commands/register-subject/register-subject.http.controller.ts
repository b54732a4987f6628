import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { etag, IdempotencyKey, IdempotencyKeyHeader } from '@cx/platform';
import type { Response } from 'express';
import { GetSubject } from '../../queries/get-subject/get-subject.query';
import { SubjectView } from '../../queries/get-subject/subject.view';
import { RegisterOutcome, RegisterSubjectCommand } from './register-subject.command';
import { RegisterSubjectRequest } from './register-subject.dto';

@ApiTags('subjects')
@Controller('subjects')
export class RegisterSubjectController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('agent', 'manager', 'dpo', 'admin')
  @ApiOperation({ summary: 'Register a data subject; its personal data is sealed in the vault, the answer is masked' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeating a key returns the first result' })
  @ApiCreatedResponse({ type: SubjectView })
  @ApiConflictResponse({ description: 'The phone or ID number belongs to a subject already: `existingSubjectId`' })
  async register(
    @Body() request: RegisterSubjectRequest,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey: IdempotencyKeyHeader | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SubjectView> {
    const outcome = await this.commands.execute<RegisterSubjectCommand, RegisterOutcome>(
      new RegisterSubjectCommand(request, principal, idempotencyKey),
    );
    const view = await this.queries.execute<GetSubject, SubjectView>(new GetSubject(outcome.subjectId));
    response.setHeader('Location', `/v1/subjects/${outcome.subjectId}`);
    response.setHeader('ETag', etag(view.version));
    if (outcome.replayed) response.setHeader('Idempotent-Replayed', 'true');
    return view;
  }
}
