import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK, metadataFor } from '@cx/platform';
import { CampaignProblemRepository } from '../../infrastructure/campaign-problem.repository';
import { ListeningCampaignRepository } from '../../infrastructure/listening-campaign.repository';
import { ParticipationSubmissionRepository } from '../../infrastructure/participation-submission.repository';
import { RaiseCampaignProblemCommand, RaiseOutcome } from './raise-problem.command';

/**
 * Reads the campaign (its own stream) and the activity (its submission's stream, where its findings are), then
 * raises the problem and claims the finding in one transaction.
 */
@CommandHandler(RaiseCampaignProblemCommand)
export class RaiseCampaignProblemHandler implements ICommandHandler<RaiseCampaignProblemCommand, RaiseOutcome> {
  constructor(
    private readonly problems: CampaignProblemRepository,
    private readonly campaigns: ListeningCampaignRepository,
    private readonly submissions: ParticipationSubmissionRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ campaignId, request, principal, idempotencyKey }: RaiseCampaignProblemCommand) {
    const problemId = randomUUID();
    const { activityId, findingIndex } = request;
    const [{ state: campaign }, activity] = await Promise.all([
      this.campaigns.load(campaignId),
      this.submissions.activity(activityId),
    ]);
    const result = await this.problems.handle(
      problemId,
      {
        type: 'RaiseCampaignProblem',
        problemId,
        campaignId,
        campaign,
        activity,
        activityId,
        findingIndex,
        description: request.description ?? null,
        category: request.category,
        ownerId: request.ownerId,
        dueDate: request.dueDate,
        raisedBy: principal.sub,
        now: this.clock.now(),
      },
      {
        expectedVersion: 0,
        metadata: metadataFor(principal),
        idempotency: idempotencyKey && { scope: 'campaigns.problems.raise', ...idempotencyKey },
        alsoInTransaction: CampaignProblemRepository.claimFinding(problemId, activityId, findingIndex),
      },
    );
    return { problemId: result.streamId, replayed: result.replayed };
  }
}
