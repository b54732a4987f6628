import type { Principal } from '@cx/auth';
import type { SubjectCommand } from '../../domain/subject.commands';

type WithoutClock<C> = C extends unknown ? Omit<C, 'now'> : never;

/**
 * A command that needs no personal data, as the API receives it: the handler adds `now`. Registration,
 * correction, reveal and export read or write the vault and have handlers of their own.
 */
export type SubjectCommandInput = WithoutClock<
  Extract<SubjectCommand, { type: 'RecordConsent' | 'PlaceLegalHold' | 'ReleaseLegalHold' | 'EraseSubject' }>
>;

export class ChangeSubject {
  constructor(
    readonly input: SubjectCommandInput,
    readonly principal: Principal,
    readonly expectedVersion: number | undefined,
  ) {}
}
