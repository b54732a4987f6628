import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StaleVersion } from '@cx/event-store';
import { Clock, CLOCK } from '@cx/platform';
import {
  followUpCategory,
  followUpComplaintId,
  followUpDescription,
} from '../../domain/survey-follow-up/survey-follow-up';
import { ComplaintRepository } from '../../infrastructure/complaint.repository';
import { FileSurveyFollowUpCommand, FollowUpOutcome } from './file-survey-follow-up.command';

/**
 * Files the follow-up under an id derived from the response's, expecting a stream that does not exist yet: a
 * second filing of the same response finds the first one's stream, or loses to it on the version check.
 */
@CommandHandler(FileSurveyFollowUpCommand)
export class FileSurveyFollowUpHandler implements ICommandHandler<FileSurveyFollowUpCommand, FollowUpOutcome> {
  constructor(
    private readonly complaints: ComplaintRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ response, reason, cause }: FileSurveyFollowUpCommand): Promise<FollowUpOutcome> {
    const complaintId = followUpComplaintId(response.responseId);
    try {
      await this.complaints.file(
        {
          type: 'FileComplaint',
          complaintId,
          customerId: response.subjectId!,
          project: response.project,
          region: response.region,
          category: followUpCategory(response.stage),
          severity: 'medium',
          channel: 'survey_follow_up',
          surveyResponseId: response.responseId,
          now: this.clock.now(),
        },
        followUpDescription(response, reason),
        {
          expectedVersion: 0,
          metadata: {
            correlationId: cause.correlationId,
            causationId: cause.id,
            actor: { type: 'system', id: 'survey-follow-up' },
          },
        },
      );
      return { complaintId, filed: true };
    } catch (error) {
      if (error instanceof StaleVersion) return { complaintId, filed: false };
      throw error;
    }
  }
}
