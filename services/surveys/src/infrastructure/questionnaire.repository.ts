import { Injectable } from '@nestjs/common';
import { QUESTIONNAIRE_STREAM_TYPE, questionnaireEventSchemas } from '@cx/contracts';
import { AggregateRepository, PostgresEventStore, versionOneCodec } from '@cx/event-store';
import type { QuestionnaireCommand } from '../domain/questionnaire/questionnaire.commands';
import { questionnaireDecider } from '../domain/questionnaire/questionnaire.decider';
import type { QuestionnaireEvent } from '../domain/questionnaire/questionnaire.events';
import type { QuestionnaireState } from '../domain/questionnaire/questionnaire.state';

@Injectable()
export class QuestionnaireRepository extends AggregateRepository<
  QuestionnaireCommand,
  QuestionnaireEvent,
  QuestionnaireState
> {
  constructor(store: PostgresEventStore) {
    super(
      store,
      questionnaireDecider,
      QUESTIONNAIRE_STREAM_TYPE,
      versionOneCodec<QuestionnaireEvent>(questionnaireEventSchemas),
    );
  }
}
