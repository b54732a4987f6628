import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { etag } from '@cx/platform';
import type { Response } from 'express';
import { GetTypicalCaseReview } from './get-typical-case-review.query';
import { TypicalCaseReviewView } from './typical-case-review.view';

@ApiTags('typical-case reviews')
@Controller('typical-case-reviews')
export class GetTypicalCaseReviewController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':reviewId')
  @Roles('reviewer', 'ceo_office', 'manager', 'auditor', 'admin')
  @ApiOperation({
    summary: 'A typical-case review with its root cause and improvement actions; ETag carries its version',
  })
  @ApiOkResponse({ type: TypicalCaseReviewView })
  async get(
    @Param('reviewId', new ParseUUIDPipe()) reviewId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TypicalCaseReviewView> {
    const view = await this.queries.execute<GetTypicalCaseReview, TypicalCaseReviewView>(
      new GetTypicalCaseReview(reviewId, principal),
    );
    response.setHeader('ETag', etag(view.version));
    return view;
  }
}
