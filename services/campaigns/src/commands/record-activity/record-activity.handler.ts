import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { metadataFor } from '@cx/platform';
import { ParticipationSubmissionRepository } from '../../infrastructure/participation-submission.repository';
import { ActivityRecording } from './activity-recording';
import { RecordActivityCommand, RecordActivityOutcome } from './record-activity.command';

/** One activity from a form: it is recorded, or refused with its reason (422); nothing in between. */
@CommandHandler(RecordActivityCommand)
export class RecordActivityHandler implements ICommandHandler<RecordActivityCommand, RecordActivityOutcome> {
  constructor(
    private readonly recording: ActivityRecording,
    private readonly submissions: ParticipationSubmissionRepository,
  ) {}

  async execute({ campaignId, request, principal, idempotencyKey }: RecordActivityCommand) {
    const submissionId = randomUUID();
    const command = await this.recording.command(campaignId, submissionId, [{ row: 1, value: request }], principal);
    const result = await this.submissions.handle(submissionId, command, {
      expectedVersion: 0,
      metadata: metadataFor(principal),
      idempotency: idempotencyKey && { scope: 'campaigns.activities.record', ...idempotencyKey },
    });
    const [activity] = await this.submissions.activitiesOf(result.streamId);
    return { activity, replayed: result.replayed };
  }
}
