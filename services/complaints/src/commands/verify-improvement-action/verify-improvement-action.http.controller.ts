import { Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { TypicalCaseReviewView } from '../../queries/get-typical-case-review/typical-case-review.view';
import { TypicalCaseReviewCommands } from '../change-typical-case-review/typical-case-review-commands';

@ApiTags('typical-case reviews')
@Controller('typical-case-reviews')
export class VerifyImprovementActionController {
  constructor(private readonly reviews: TypicalCaseReviewCommands) {}

  @Post(':reviewId/actions/:actionId/verification')
  @HttpCode(200)
  @Roles('reviewer', 'admin')
  @ApiOperation({ summary: 'A reviewer verifies that the completed action works' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiOkResponse({ type: TypicalCaseReviewView })
  verify(
    @Param('reviewId', new ParseUUIDPipe()) reviewId: string,
    @Param('actionId', new ParseUUIDPipe()) actionId: string,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TypicalCaseReviewView> {
    return this.reviews.run(
      { type: 'VerifyImprovementAction', reviewId, actionId, verifiedBy: principal.sub },
      principal,
      expectedVersion,
      response,
    );
  }
}
