import { Injectable } from '@nestjs/common';
import { ComplaintFiledV1, EventEnvelope, Topics } from '@cx/contracts';
import { ConsumerRuntime, ServiceConsumerGroup } from '@cx/platform';
import type { PoolClient } from 'pg';

export const FOLLOW_UP_LINKS_CONSUMER_GROUP = 'surveys.follow-up-links';

/** A complaint filed to follow up a survey response links back to it; the first link a response gets stays. */
async function linkFollowUp(event: EventEnvelope, tx: PoolClient): Promise<void> {
  if (event.type !== 'ComplaintFiled') return;
  const { surveyResponseId, complaintId, filedAt } = event.data as ComplaintFiledV1;
  if (surveyResponseId === undefined) return;
  await tx.query(
    `INSERT INTO survey_follow_ups (response_id, complaint_id, filed_at) VALUES ($1, $2, $3)
     ON CONFLICT (response_id) DO NOTHING`,
    [surveyResponseId, complaintId, filedAt],
  );
}

/** Hears cx.complaints.events (consumer group `surveys.follow-up-links`) for the follow-ups of responses. */
@Injectable()
export class FollowUpLinksConsumer extends ServiceConsumerGroup {
  constructor(runtime: ConsumerRuntime) {
    super(runtime, { group: FOLLOW_UP_LINKS_CONSUMER_GROUP, topics: [Topics.complaints], apply: linkFollowUp });
  }
}
