import type { Principal } from '@cx/auth';
import type { QuestionnaireCommand } from '../../domain/questionnaire/questionnaire.commands';

type WithoutClock<C> = C extends unknown ? Omit<C, 'now'> : never;

/** A command on an existing questionnaire as the API receives it: the handler adds `now`. */
export type QuestionnaireCommandInput = WithoutClock<Exclude<QuestionnaireCommand, { type: 'CreateQuestionnaire' }>>;

export class ChangeQuestionnaire {
  constructor(
    readonly input: QuestionnaireCommandInput,
    readonly principal: Principal,
    readonly expectedVersion: number | undefined,
  ) {}
}
