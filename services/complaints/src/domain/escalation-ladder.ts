import { ComplaintChannel, ESCALATION_LADDER, EscalationLevel } from '@cx/contracts';

/** The CEO direct service mechanism: complaints made to the CEO line start at the top of the ladder. */
export function entryLevel(channel: ComplaintChannel): EscalationLevel {
  return channel === 'ceo_direct' ? 'ceo_office' : 'frontline';
}

/** frontline -> project -> region -> group_service -> ceo_office; undefined at the top. */
export function nextLevel(level: EscalationLevel): EscalationLevel | undefined {
  return ESCALATION_LADDER[ESCALATION_LADDER.indexOf(level) + 1];
}

/** One level down; undefined at the frontline. */
export function lowerLevel(level: EscalationLevel): EscalationLevel | undefined {
  const index = ESCALATION_LADDER.indexOf(level);
  return index > 0 ? ESCALATION_LADDER[index - 1] : undefined;
}
