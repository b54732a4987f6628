import { ApiProperty } from '@nestjs/swagger';
import { CampaignProblemView } from '../../queries/get-problem/campaign-problem.view';

/** The problem after the action was added, and the new action's id. */
export class ProblemActionAddedView extends CampaignProblemView {
  @ApiProperty({ format: 'uuid' }) actionId: string;
}
