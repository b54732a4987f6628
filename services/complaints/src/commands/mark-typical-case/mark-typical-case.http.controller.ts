import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { etag, IdempotencyKey, IdempotencyKeyHeader } from '@cx/platform';
import type { Response } from 'express';
import { GetTypicalCaseReview } from '../../queries/get-typical-case-review/get-typical-case-review.query';
import { TypicalCaseReviewView } from '../../queries/get-typical-case-review/typical-case-review.view';
import { MarkOutcome, MarkTypicalCaseCommand } from './mark-typical-case.command';
import { MarkTypicalCaseRequest } from './mark-typical-case.dto';

@ApiTags('typical-case reviews')
@Controller('typical-case-reviews')
export class MarkTypicalCaseController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('reviewer', 'admin')
  @ApiOperation({ summary: 'Mark a complaint as a typical case: opens its review (one per complaint)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeating a key returns the first result' })
  @ApiCreatedResponse({ type: TypicalCaseReviewView })
  async mark(
    @Body() request: MarkTypicalCaseRequest,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey: IdempotencyKeyHeader | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TypicalCaseReviewView> {
    const outcome = await this.commands.execute<MarkTypicalCaseCommand, MarkOutcome>(
      new MarkTypicalCaseCommand(request, principal, idempotencyKey),
    );
    const view = await this.queries.execute<GetTypicalCaseReview, TypicalCaseReviewView>(
      new GetTypicalCaseReview(outcome.reviewId, principal),
    );
    response.setHeader('Location', `/v1/typical-case-reviews/${outcome.reviewId}`);
    response.setHeader('ETag', etag(view.version));
    if (outcome.replayed) response.setHeader('Idempotent-Replayed', 'true');
    return view;
  }
}
