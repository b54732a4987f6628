export type { ParticipationDisclosureEvent, ParticipationDisclosureFrozenV1 } from '@cx/contracts';
