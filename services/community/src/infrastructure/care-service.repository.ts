import { Injectable } from '@nestjs/common';
import { CARE_SERVICE_STREAM_TYPE, careServiceEventSchemas } from '@cx/contracts';
import { AggregateRepository, PostgresEventStore, versionOneCodec } from '@cx/event-store';
import type { CareServiceCommand } from '../domain/care-service/care-service.commands';
import { careServiceDecider } from '../domain/care-service/care-service.decider';
import type { CareServiceEvent } from '../domain/care-service/care-service.events';
import type { CareServiceState } from '../domain/care-service/care-service.state';

@Injectable()
export class CareServiceRepository extends AggregateRepository<CareServiceCommand, CareServiceEvent, CareServiceState> {
  constructor(store: PostgresEventStore) {
    super(
      store,
      careServiceDecider,
      CARE_SERVICE_STREAM_TYPE,
      versionOneCodec<CareServiceEvent>(careServiceEventSchemas),
    );
  }
}
