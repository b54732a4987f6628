import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Principal } from '@cx/auth';
import { etag } from '@cx/platform';
import type { Response } from 'express';
import { GetTypicalCaseReview } from '../../queries/get-typical-case-review/get-typical-case-review.query';
import type { TypicalCaseReviewView } from '../../queries/get-typical-case-review/typical-case-review.view';
import { ChangeTypicalCaseReview, TypicalCaseReviewCommandInput } from './change-typical-case-review.command';

/** What every review controller does: run the command, answer with the review and its new ETag. */
@Injectable()
export class TypicalCaseReviewCommands {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  async run(
    input: TypicalCaseReviewCommandInput,
    principal: Principal,
    expectedVersion: number | undefined,
    response: Response,
  ): Promise<TypicalCaseReviewView> {
    await this.commands.execute(new ChangeTypicalCaseReview(input, principal, expectedVersion));
    const view = await this.queries.execute<GetTypicalCaseReview, TypicalCaseReviewView>(
      new GetTypicalCaseReview(input.reviewId, principal),
    );
    response.setHeader('ETag', etag(view.version));
    return view;
  }
}
