import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { metadataFor } from '@cx/platform';
import { triageActivities } from '../../domain/participation/participation.decider';
import { ParticipationSubmissionRepository } from '../../infrastructure/participation-submission.repository';
import { ActivityRecording } from '../record-activity/activity-recording';
import { ParticipationUploadReport } from './participation-upload-report.view';
import { RecordActivitiesBulkCommand, RecordActivitiesBulkOutcome } from './record-activities-bulk.command';

/**
 * Thousands of activities in one submission: the rows that can count are appended in one transaction, one
 * event each, with the upload's report; the others are answered with their row number and reason.
 */
@CommandHandler(RecordActivitiesBulkCommand)
export class RecordActivitiesBulkHandler implements ICommandHandler<
  RecordActivitiesBulkCommand,
  RecordActivitiesBulkOutcome
> {
  constructor(
    private readonly recording: ActivityRecording,
    private readonly submissions: ParticipationSubmissionRepository,
  ) {}

  async execute({ campaignId, rows, principal, idempotencyKey }: RecordActivitiesBulkCommand) {
    const submissionId = randomUUID();
    const command = await this.recording.command(campaignId, submissionId, rows.activities, principal);
    const { acceptable, rejections } = triageActivities(command);
    const report: ParticipationUploadReport = {
      campaignId,
      submissionId: acceptable.length > 0 ? submissionId : null,
      rows: rows.rows,
      accepted: acceptable.length,
      rejected: rows.rejections.length + rejections.length,
      activities: acceptable.map(({ row, activityId }) => ({ row, activityId })),
      rejections: [...rows.rejections, ...rejections].sort((a, b) => a.row - b.row),
    };
    if (acceptable.length === 0) return { report, replayed: false };
    const result = await this.submissions.handle(
      submissionId,
      { ...command, activities: acceptable },
      {
        expectedVersion: 0,
        metadata: metadataFor(principal),
        idempotency: idempotencyKey && { scope: 'campaigns.activities.bulk', ...idempotencyKey },
        alsoInTransaction: ParticipationSubmissionRepository.saveUploadReport(submissionId, campaignId, report),
      },
    );
    if (!result.replayed) return { report, replayed: false };
    return { report: await this.submissions.uploadReport<ParticipationUploadReport>(result.streamId), replayed: true };
  }
}
