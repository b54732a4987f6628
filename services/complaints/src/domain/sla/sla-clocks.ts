import { SLA_TARGETS, SlaTarget } from '@cx/contracts';
import type { FiledComplaint } from '../complaint.state';
import { addTime, timeBetween } from './business-calendar';
import { hoursModeFor, SlaPolicy } from './sla-policy';

const HOUR = 3_600_000;

export interface SlaClock {
  target: SlaTarget;
  hours: number;
  mode: 'business' | 'calendar';
  met: boolean;
  /** Null while the clocks are paused: no deadline can pass then. */
  deadline: Date | null;
  atRiskAt: Date | null;
}

export type SlaState = 'on_time' | 'at_risk' | 'breached';

const RESOLVED_STATUSES: ReadonlySet<string> = new Set(['resolved', 'resolution_confirmed', 'closed']);

/**
 * Every target's clock runs from filing, in the complaint's hours mode (business or calendar, by category;
 * critical always calendar), with the time spent paused added back. Severity reassessment changes the targets.
 */
export function slaClocks(state: FiledComplaint, policy: SlaPolicy): SlaClock[] {
  const mode = hoursModeFor(policy, state.details.category, state.severity);
  const filedAt = new Date(state.details.filedAt);
  const paused = state.clockPauses.some((p) => p.to === null);
  const pausedMs = state.clockPauses
    .filter((p) => p.to !== null)
    .reduce((sum, p) => sum + timeBetween(new Date(p.from), new Date(p.to!), mode, policy.calendar), 0);
  const met: Record<SlaTarget, boolean> = {
    acknowledgement: state.acknowledgedAt !== null,
    first_response: state.firstRespondedAt !== null,
    resolution: RESOLVED_STATUSES.has(state.status),
  };
  return SLA_TARGETS.map((target) => {
    const hours = policy.targets[state.severity][target];
    const at = (share: number) =>
      paused ? null : addTime(filedAt, share * hours * HOUR + pausedMs, mode, policy.calendar);
    return { target, hours, mode, met: met[target], deadline: at(1), atRiskAt: at(policy.atRiskShare) };
  });
}

export function alertRaised(state: FiledComplaint, target: SlaTarget, kind: 'at_risk' | 'breached'): boolean {
  return state.slaAlerts.includes(`${target}:${kind}`);
}

/** When the scheduler should look at this complaint next; null when no clock can fire any more. */
export function nextSlaCheck(state: FiledComplaint, policy: SlaPolicy): Date | null {
  const due = slaClocks(state, policy)
    .filter((c) => !c.met && !alertRaised(state, c.target, 'breached'))
    .flatMap((c) => [alertRaised(state, c.target, 'at_risk') ? null : c.atRiskAt, c.deadline])
    .filter((d): d is Date => d !== null);
  return due.length === 0 ? null : new Date(Math.min(...due.map((d) => d.getTime())));
}

/** The worst state of the complaint's clocks, as the CEO view shows it. */
export function slaState(state: FiledComplaint): SlaState {
  if (state.slaAlerts.some((a) => a.endsWith(':breached'))) return 'breached';
  if (state.slaAlerts.some((a) => a.endsWith(':at_risk'))) return 'at_risk';
  return 'on_time';
}
