import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { TypicalCaseReviewView } from '../../queries/get-typical-case-review/typical-case-review.view';
import { TypicalCaseReviewCommands } from '../change-typical-case-review/typical-case-review-commands';
import { CompleteImprovementActionRequest } from './complete-improvement-action.dto';

@ApiTags('typical-case reviews')
@Controller('typical-case-reviews')
export class CompleteImprovementActionController {
  constructor(private readonly reviews: TypicalCaseReviewCommands) {}

  @Post(':reviewId/actions/:actionId/completion')
  @HttpCode(200)
  @Roles('reviewer', 'manager', 'admin')
  @ApiOperation({ summary: 'The action’s owner (or a reviewer for them) reports it done, with a note' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiOkResponse({ type: TypicalCaseReviewView })
  complete(
    @Param('reviewId', new ParseUUIDPipe()) reviewId: string,
    @Param('actionId', new ParseUUIDPipe()) actionId: string,
    @Body() request: CompleteImprovementActionRequest,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TypicalCaseReviewView> {
    return this.reviews.run(
      {
        type: 'CompleteImprovementAction',
        reviewId,
        actionId,
        completedBy: principal.sub,
        // Managers may complete only the actions they own; the decider checks that.
        byReviewer: principal.roles.some((role) => role === 'reviewer' || role === 'admin'),
        note: request.note,
      },
      principal,
      expectedVersion,
      response,
    );
  }
}
