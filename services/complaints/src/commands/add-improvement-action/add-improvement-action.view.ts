import { ApiProperty } from '@nestjs/swagger';
import { TypicalCaseReviewView } from '../../queries/get-typical-case-review/typical-case-review.view';

/** The review after the action was added, and the new action's id. */
export class ImprovementActionAddedView extends TypicalCaseReviewView {
  @ApiProperty({ format: 'uuid' }) actionId: string;
}
