import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { TypicalCaseReviewView } from '../../queries/get-typical-case-review/typical-case-review.view';
import { TypicalCaseReviewCommands } from '../change-typical-case-review/typical-case-review-commands';
import { ConcludeTypicalCaseReviewRequest } from './conclude-typical-case-review.dto';

@ApiTags('typical-case reviews')
@Controller('typical-case-reviews')
export class ConcludeTypicalCaseReviewController {
  constructor(private readonly reviews: TypicalCaseReviewCommands) {}

  @Post(':reviewId/conclusion')
  @HttpCode(200)
  @Roles('reviewer', 'admin')
  @ApiOperation({ summary: 'Conclude the review with its lessons: needs a root cause and every action verified' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiOkResponse({ type: TypicalCaseReviewView })
  conclude(
    @Param('reviewId', new ParseUUIDPipe()) reviewId: string,
    @Body() request: ConcludeTypicalCaseReviewRequest,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TypicalCaseReviewView> {
    return this.reviews.run(
      { type: 'ConcludeTypicalCaseReview', reviewId, conclusion: request.conclusion },
      principal,
      expectedVersion,
      response,
    );
  }
}
