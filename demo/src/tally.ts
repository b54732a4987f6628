import type { Answer } from './api-client';

/** What the run created and what it found done already (replayed keys, steps already taken), per kind. */
export class Tally {
  readonly counts: Record<string, { created: number; replayed: number }> = {};
  steps = 0;
  stepsAlreadyDone = 0;

  created(kind: string, answer: Answer<unknown>): void {
    const entry = (this.counts[kind] ??= { created: 0, replayed: 0 });
    if (answer.replayed || answer.status === 409) entry.replayed += 1;
    else entry.created += 1;
  }
}
