import type { PersonalDataField } from '@cx/contracts';
import { activeLegalHolds, SubjectState } from '../subject.state';

/** How long the vault keeps each category of personal data, in months. */
export interface RetentionPolicy {
  months: Record<PersonalDataField, number>;
}

export const DEFAULT_RETENTION_POLICY: RetentionPolicy = {
  months: { name: 36, phone: 36, idNumber: 36, email: 36, address: 36 },
};

/** What retention needs to know of a subject: the categories it holds and when it last gave or corrected them. */
export interface RetainedData {
  categories: readonly PersonalDataField[];
  registeredAt: string;
  corrections: readonly { correctedAt: string }[];
}

/**
 * The end of the subject's retention period. Erasure destroys the subject's one key, so the subject goes as a
 * whole: when the longest period among the categories it holds has run, counted from the last time its data
 * was given (registration) or corrected.
 */
export function retainUntil(subject: RetainedData, policy: RetentionPolicy): Date {
  const since = subject.corrections.at(-1)?.correctedAt ?? subject.registeredAt;
  const months = Math.max(...subject.categories.map((category) => policy.months[category]));
  return addMonths(new Date(since), months);
}

/**
 * When the retention job next needs to look at the subject: at the end of its retention period; never once it is
 * erased; not while the erasure it deferred waits for a legal hold (the release of the last hold sets it again).
 */
export function nextRetentionCheck(state: SubjectState, policy: RetentionPolicy): Date | null {
  if (state.status !== 'registered') return null;
  const until = retainUntil(state, policy);
  const waitingForRelease =
    activeLegalHolds(state).length > 0 && state.erasureDeferral?.retainUntil === until.toISOString();
  return waitingForRelease ? null : until;
}

/** Calendar months in UTC; a day the target month lacks (31 August + 1 month) becomes its last day. */
export function addMonths(from: Date, months: number): Date {
  const target = new Date(from);
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(from.getUTCDate(), lastDay));
  return target;
}
