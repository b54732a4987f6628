import { Injectable } from '@nestjs/common';
import { ACCESS_DENIAL_STREAM_TYPE, accessDenialEventSchemas } from '@cx/contracts';
import { AggregateRepository, PostgresEventStore, versionOneCodec } from '@cx/event-store';
import {
  accessDenialDecider,
  AccessDenialState,
  RecordAccessDenial,
} from '../domain/access-decision/access-denial.decider';
import type { AccessDenialEvent } from '../domain/access-decision/access-denial.events';

@Injectable()
export class AccessDenialRepository extends AggregateRepository<
  RecordAccessDenial,
  AccessDenialEvent,
  AccessDenialState
> {
  constructor(store: PostgresEventStore) {
    super(store, accessDenialDecider, ACCESS_DENIAL_STREAM_TYPE, versionOneCodec(accessDenialEventSchemas));
  }
}
