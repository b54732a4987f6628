import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EventEnvelope, SurveyResponseRecordedV1, Topics } from '@cx/contracts';
import { ConsumerRuntime, ServiceConsumerGroup } from '@cx/platform';
import { FollowUpPolicy, followUpFor } from '../../domain/survey-follow-up/survey-follow-up';
import { FileSurveyFollowUpCommand } from './file-survey-follow-up.command';

export const SURVEY_FOLLOW_UP_POLICY = Symbol('SURVEY_FOLLOW_UP_POLICY');
export const SURVEY_FOLLOW_UPS_CONSUMER_GROUP = 'complaints.survey-follow-ups';

/** Files the follow-up a survey response asks for, if any. */
async function fileFollowUp(event: EventEnvelope, policy: FollowUpPolicy, commands: CommandBus): Promise<void> {
  if (event.type !== 'SurveyResponseRecorded') return;
  const response = event.data as SurveyResponseRecordedV1;
  const reason = followUpFor(response, policy);
  if (reason) await commands.execute(new FileSurveyFollowUpCommand(response, reason, event));
}

/**
 * Closing the loop: a survey response that reported a complaint (cx.surveys.events) files a follow-up complaint
 * for its customer. Consumer group `complaints.survey-follow-ups`, dead letters to its own topic; the filing is
 * idempotent by its derived id, so a redelivery, a crash between filing and commit, or a replay files nothing new.
 */
@Injectable()
export class SurveyFollowUpSaga extends ServiceConsumerGroup {
  constructor(commands: CommandBus, @Inject(SURVEY_FOLLOW_UP_POLICY) policy: FollowUpPolicy, runtime: ConsumerRuntime) {
    super(runtime, {
      group: SURVEY_FOLLOW_UPS_CONSUMER_GROUP,
      topics: [Topics.surveys],
      apply: (event) => fileFollowUp(event, policy, commands),
    });
  }
}
