import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@cx/auth';
import { IfMatchVersion } from '@cx/platform';
import type { Response } from 'express';
import { TypicalCaseReviewCommands } from '../change-typical-case-review/typical-case-review-commands';
import { AddImprovementActionRequest } from './add-improvement-action.dto';
import { ImprovementActionAddedView } from './add-improvement-action.view';

@ApiTags('typical-case reviews')
@Controller('typical-case-reviews')
export class AddImprovementActionController {
  constructor(private readonly reviews: TypicalCaseReviewCommands) {}

  @Post(':reviewId/actions')
  @HttpCode(201)
  @Roles('reviewer', 'admin')
  @ApiOperation({ summary: 'Add an improvement action with an owner and a due date; answers its actionId' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag the decision is based on; stale → 412' })
  @ApiCreatedResponse({ type: ImprovementActionAddedView })
  async add(
    @Param('reviewId', new ParseUUIDPipe()) reviewId: string,
    @Body() request: AddImprovementActionRequest,
    @CurrentPrincipal() principal: Principal,
    @IfMatchVersion() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ImprovementActionAddedView> {
    const actionId = randomUUID();
    const view = await this.reviews.run(
      {
        type: 'AddImprovementAction',
        reviewId,
        actionId,
        description: request.description,
        ownerId: request.ownerId,
        dueDate: request.dueDate,
      },
      principal,
      expectedVersion,
      response,
    );
    return { ...view, actionId };
  }
}
