import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { mayActOn } from '@cx/auth';
import { metadataFor } from '@cx/platform';
import { SurveyResponseOutsideCallerScope, withinCallerScope } from '../../survey-scope';
import { SurveyResponseSubmissionRepository } from '../../infrastructure/survey-response-submission.repository';
import { NumberedResponse, ResponseRecording } from '../record-response/response-recording';
import { RecordInterviewCommand, RecordInterviewOutcome } from './record-interview.command';

/**
 * One interview: recorded, or refused with its reason (422, or 409 for a closed case); nothing in between. A scoped
 * interviewer records only in its strata: an intercept elsewhere is 403, a customer sampled elsewhere not sampled.
 */
@CommandHandler(RecordInterviewCommand)
export class RecordInterviewHandler implements ICommandHandler<RecordInterviewCommand, RecordInterviewOutcome> {
  constructor(
    private readonly recording: ResponseRecording,
    private readonly submissions: SurveyResponseSubmissionRepository,
  ) {}

  async execute({ waveId, request, principal, idempotencyKey }: RecordInterviewCommand) {
    const { site } = request;
    if (site && !mayActOn(principal, site)) {
      throw new SurveyResponseOutsideCallerScope(site.region, site.project, principal.scope ?? '');
    }
    const idempotency = idempotencyKey && { scope: 'surveys.interviews.record', ...idempotencyKey };
    const replayed = await this.recording.replayOf(idempotency);
    if (replayed) return { response: (await this.submissions.responsesOf(replayed))[0], replayed: true };
    const interview: NumberedResponse = {
      row: 1,
      value: {
        channel: request.subjectId === undefined ? 'intercept' : 'face_to_face',
        subjectId: request.subjectId ?? null,
        site: site ? { project: site.project, region: site.region } : null,
        disposition: request.disposition,
        attempts: request.attempts ?? 1,
        respondedAt: new Date(request.respondedAt).toISOString(),
        answers: (request.answers ?? []).map(({ questionId, value }) => ({ questionId, value })),
        interviewerId: principal.sub,
        linkId: null,
      },
    };
    return this.recording.retryingOnCaseRaces(async () => {
      const command = withinCallerScope(await this.recording.command(waveId, [interview], null), principal);
      const result = await this.recording.append(command, metadataFor(principal), idempotency);
      const [response] = await this.submissions.responsesOf(result.streamId);
      return { response, replayed: result.replayed };
    });
  }
}
