import type { AccessDenialReason, AccessPurpose, PersonalDataField } from '@cx/contracts';
import type { Decider } from '@cx/domain';
import type { AccessDenialEvent } from './access-denial.events';

/** A refused read, as decideAccess refused it; `now` and the new denial id arrive on the command. */
export interface RecordAccessDenial {
  type: 'RecordAccessDenial';
  denialId: string;
  subjectId: string;
  requestedBy: string;
  purpose: AccessPurpose;
  fields: PersonalDataField[];
  reason: AccessDenialReason;
  grantId: string | null;
  now: Date;
}

/** One stream per denial: a fact on its own, appended once. */
export type AccessDenialState = { status: 'not_recorded' } | { status: 'recorded' };

export const accessDenialDecider: Decider<RecordAccessDenial, AccessDenialEvent, AccessDenialState> = {
  initialState: () => ({ status: 'not_recorded' }),
  decide(command, state) {
    // Denial ids are random UUIDs minted per refusal: a second record under one is a programming error.
    if (state.status === 'recorded') throw new Error(`Access denial ${command.denialId} is already recorded`);
    const { type: _type, now, ...denial } = command;
    return [{ type: 'AccessDenied', data: { ...denial, deniedAt: now.toISOString() } }];
  },
  evolve: () => ({ status: 'recorded' }),
};
