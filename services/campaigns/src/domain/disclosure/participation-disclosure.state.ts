import type { ParticipationDisclosureFrozenV1 } from './participation-disclosure.events';

/** A disclosure is frozen once and never changes: a later count is another disclosure. */
export type ParticipationDisclosureState =
  { status: 'not_frozen' } | { status: 'frozen'; disclosure: ParticipationDisclosureFrozenV1 };
