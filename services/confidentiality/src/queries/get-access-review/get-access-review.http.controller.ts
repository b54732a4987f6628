import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@cx/auth';
import { AccessReviewView, GetAccessReviewRequest } from './get-access-review.dto';
import { GetAccessReview } from './get-access-review.query';

@ApiTags('access grants')
@Controller('access-review')
export class GetAccessReviewController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('dpo', 'auditor', 'admin')
  @ApiOperation({ summary: 'Access review: every active grant (who, what, why, approver, expiry, days left)' })
  @ApiOkResponse({ type: AccessReviewView })
  review(@Query() page: GetAccessReviewRequest): Promise<AccessReviewView> {
    return this.queries.execute(new GetAccessReview(page));
  }
}
