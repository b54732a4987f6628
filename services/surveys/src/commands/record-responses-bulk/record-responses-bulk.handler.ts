import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { metadataFor } from '@cx/platform';
import { triageResponses } from '../../domain/survey-response/survey-response.decider';
import { withinCallerScope } from '../../survey-scope';
import { SurveyResponseSubmissionRepository } from '../../infrastructure/survey-response-submission.repository';
import { ResponseRecording } from '../record-response/response-recording';
import { RecordResponsesBulkCommand, RecordResponsesBulkOutcome } from './record-responses-bulk.command';
import { ResponseUploadReport } from './response-upload-report.view';

/**
 * Thousands of call outcomes in one submission: the rows that can be recorded are appended in one transaction,
 * one event each, with their cases, their free text and the batch's report; the others are answered with their
 * row number and reason, and nothing of them is stored. A scoped vendor records only in its strata: a customer
 * sampled elsewhere is, to it, `not_in_sample`.
 */
@CommandHandler(RecordResponsesBulkCommand)
export class RecordResponsesBulkHandler implements ICommandHandler<
  RecordResponsesBulkCommand,
  RecordResponsesBulkOutcome
> {
  constructor(
    private readonly recording: ResponseRecording,
    private readonly submissions: SurveyResponseSubmissionRepository,
  ) {}

  async execute({ waveId, rows, principal, idempotencyKey }: RecordResponsesBulkCommand) {
    const idempotency = idempotencyKey && { scope: 'surveys.responses.bulk', ...idempotencyKey };
    const replayed = await this.recording.replayOf(idempotency);
    if (replayed)
      return { report: await this.submissions.uploadReport<ResponseUploadReport>(replayed), replayed: true };
    return this.recording.retryingOnCaseRaces(async () => {
      const command = withinCallerScope(await this.recording.command(waveId, rows.responses, null), principal);
      const { acceptable, rejections } = triageResponses(command);
      const { submissionId } = command;
      const report: ResponseUploadReport = {
        waveId,
        submissionId: acceptable.length > 0 ? submissionId : null,
        rows: rows.rows,
        accepted: acceptable.length,
        rejected: rows.rejections.length + rejections.length,
        responses: acceptable.map(({ row, responseId }) => ({ row, responseId })),
        rejections: [...rows.rejections, ...rejections].sort((a, b) => a.row - b.row),
      };
      if (acceptable.length === 0) return { report, replayed: false };
      const result = await this.recording.append(
        { ...command, responses: acceptable },
        metadataFor(principal),
        idempotency,
        SurveyResponseSubmissionRepository.saveUploadReport(submissionId, waveId, report),
      );
      if (!result.replayed) return { report, replayed: false };
      return { report: await this.submissions.uploadReport<ResponseUploadReport>(result.streamId), replayed: true };
    });
  }
}
