import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { TypicalCaseReviewView } from '../../queries/get-typical-case-review/typical-case-review.view';
import { TypicalCaseReviewCommands } from '../change-typical-case-review/typical-case-review-commands';
import { RecordRootCauseRequest } from './record-root-cause.dto';

@ApiTags('typical-case reviews')
@Controller('typical-case-reviews')
export class RecordRootCauseController {
  constructor(private readonly reviews: TypicalCaseReviewCommands) {}

  @Post(':reviewId/root-cause')
  @HttpCode(200)
  @Roles('reviewer', 'admin')
  @ApiOperation({ summary: 'Record (or revise, while the review is open) the root cause and the business problem' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiOkResponse({ type: TypicalCaseReviewView })
  record(
    @Param('reviewId', new ParseUUIDPipe()) reviewId: string,
    @Body() request: RecordRootCauseRequest,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TypicalCaseReviewView> {
    return this.reviews.run(
      {
        type: 'RecordRootCause',
        reviewId,
        rootCauseCategory: request.rootCauseCategory,
        businessProblem: request.businessProblem,
      },
      principal,
      expectedVersion,
      response,
    );
  }
}
