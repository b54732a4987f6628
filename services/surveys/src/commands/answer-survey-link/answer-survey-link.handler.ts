import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { currentCorrelationId } from '@cx/platform';
import { SurveyLinkNotFound } from '../../domain/survey-response/survey-response.errors';
import { SurveyLinkRepository } from '../../infrastructure/survey-link.repository';
import { SurveyResponseSubmissionRepository } from '../../infrastructure/survey-response-submission.repository';
import { ResponseRecording } from '../record-response/response-recording';
import type { SurveyResponseView } from '../record-response/survey-response.view';
import { AnswerSurveyLinkCommand } from './answer-survey-link.command';

/**
 * The customer's answers through their single-use link: recorded with the link marked used in one transaction,
 * so a second answer (even a concurrent one) is refused (409), and nothing of it is stored.
 */
@CommandHandler(AnswerSurveyLinkCommand)
export class AnswerSurveyLinkHandler implements ICommandHandler<AnswerSurveyLinkCommand, SurveyResponseView> {
  constructor(
    private readonly recording: ResponseRecording,
    private readonly links: SurveyLinkRepository,
    private readonly submissions: SurveyResponseSubmissionRepository,
  ) {}

  async execute({ token, request }: AnswerSurveyLinkCommand): Promise<SurveyResponseView> {
    return this.recording.retryingOnCaseRaces(async () => {
      const link = await this.links.byToken(token);
      if (!link) throw new SurveyLinkNotFound();
      const command = await this.recording.command(
        link.waveId,
        [
          {
            row: 1,
            value: {
              channel: 'survey_link',
              subjectId: link.subjectId,
              site: null,
              disposition: request.disposition ?? 'complete',
              attempts: 1,
              answers: request.answers.map(({ questionId, value }) => ({ questionId, value })),
              interviewerId: null,
              linkId: link.linkId,
            },
          },
        ],
        link,
      );
      // The respondent is the customer, who has no user id: the link answers for them.
      const metadata = {
        correlationId: currentCorrelationId() ?? randomUUID(),
        causationId: null,
        actor: { type: 'system' as const, id: 'survey-link' },
      };
      const responseId = command.responses[0].responseId;
      const result = await this.recording.append(
        command,
        metadata,
        undefined,
        SurveyLinkRepository.useLink(link.linkId, responseId, command.now),
      );
      const [response] = await this.submissions.responsesOf(result.streamId);
      return response;
    });
  }
}
