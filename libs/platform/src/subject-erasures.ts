import { Inject, Injectable } from '@nestjs/common';
import { EventEnvelope, SubjectErasedV1, Topics } from '@cx/contracts';
import type { PoolClient } from 'pg';
import { ConsumerRuntime, ServiceConsumerGroup } from './consumer-group';

/** What a service deletes or hides of an erased subject, in the transaction that records the event as handled. */
export type RedactErasedSubject = (tx: PoolClient, erasure: SubjectErasedV1) => Promise<void>;
export const SUBJECT_ERASURE_REDACTION = Symbol('SUBJECT_ERASURE_REDACTION');

/**
 * Every service that keeps anything of a customer hears the vault's SubjectErased (cx.confidentiality.events,
 * consumer group = the service's name) and redacts it, exactly once per event.
 */
@Injectable()
export class SubjectErasuresConsumer extends ServiceConsumerGroup {
  constructor(runtime: ConsumerRuntime, @Inject(SUBJECT_ERASURE_REDACTION) redact: RedactErasedSubject) {
    super(runtime, {
      group: runtime.config.serviceName,
      topics: [Topics.confidentiality],
      apply: async (event: EventEnvelope, tx: PoolClient) => {
        if (event.type === 'SubjectErased') await redact(tx, event.data as SubjectErasedV1);
      },
    });
  }
}
