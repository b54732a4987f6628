import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Principal } from '@cx/auth';
import { etag } from '@cx/platform';
import type { Response } from 'express';
import { GetSubject } from '../../queries/get-subject/get-subject.query';
import type { SubjectView } from '../../queries/get-subject/subject.view';
import { ChangeSubject, SubjectCommandInput } from './change-subject.command';

/** What the consent and legal hold controllers do: run the command, answer with the subject and its new ETag. */
@Injectable()
export class SubjectCommands {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  async run(
    input: SubjectCommandInput,
    principal: Principal,
    expectedVersion: number | undefined,
    response: Response,
  ): Promise<SubjectView> {
    await this.commands.execute(new ChangeSubject(input, principal, expectedVersion));
    const view = await this.queries.execute<GetSubject, SubjectView>(new GetSubject(input.subjectId));
    response.setHeader('ETag', etag(view.version));
    return view;
  }
}
