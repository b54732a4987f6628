import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { TypicalCaseReviewView } from '../../queries/get-typical-case-review/typical-case-review.view';
import { TypicalCaseReviewCommands } from '../change-typical-case-review/typical-case-review-commands';
import { SendBackImprovementActionRequest } from './send-back-improvement-action.dto';

@ApiTags('typical-case reviews')
@Controller('typical-case-reviews')
export class SendBackImprovementActionController {
  constructor(private readonly reviews: TypicalCaseReviewCommands) {}

  @Post(':reviewId/actions/:actionId/sending-back')
  @HttpCode(200)
  @Roles('reviewer', 'admin')
  @ApiOperation({ summary: 'A reviewer sends the completed action back to its owner, with a reason' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiOkResponse({ type: TypicalCaseReviewView })
  sendBack(
    @Param('reviewId', new ParseUUIDPipe()) reviewId: string,
    @Param('actionId', new ParseUUIDPipe()) actionId: string,
    @Body() request: SendBackImprovementActionRequest,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TypicalCaseReviewView> {
    return this.reviews.run(
      { type: 'SendBackImprovementAction', reviewId, actionId, reason: request.reason },
      principal,
      expectedVersion,
      response,
    );
  }
}
