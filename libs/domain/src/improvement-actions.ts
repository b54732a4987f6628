import type { DomainError } from './domain-error';

/**
 * Improvement actions, as the group runs them wherever a problem is found (a typical-case review in complaints,
 * a problem from the listening campaign): an owner and a due date, completed by the owner (or by whoever runs
 * the whole, on their behalf), then verified or sent back; the whole closes only when every action is verified.
 * The aggregates that hold actions keep their own events and errors; the rules live here once.
 */
export interface ImprovementActionStep {
  step: 'added' | 'completed' | 'verified' | 'sent_back';
  at: string;
  /** Who completed or verified; the other steps' authors are in the events' actor. */
  by: string | null;
  /** Completion note or reason for sending back. */
  text: string | null;
}

/** open → completed → verified; a completed action sent back is open again. */
export interface ImprovementAction {
  actionId: string;
  description: string;
  ownerId: string;
  dueDate: string;
  status: 'open' | 'completed' | 'verified';
  steps: ImprovementActionStep[];
}

export type ImprovementActionStatus = ImprovementAction['status'];

/** How the aggregate holding the actions refuses a command on one: its own error types and codes. */
export interface ImprovementActionRefusals {
  notFound(actionId: string): DomainError;
  notInStatus(actionId: string, status: ImprovementActionStatus, needed: ImprovementActionStatus): DomainError;
  notTheOwner(actionId: string): DomainError;
}

/** The action, when it exists and is in the status the command needs. */
export function requireAction(
  actions: readonly ImprovementAction[],
  actionId: string,
  needed: ImprovementActionStatus,
  refuse: ImprovementActionRefusals,
): ImprovementAction {
  const action = actions.find((a) => a.actionId === actionId);
  if (!action) throw refuse.notFound(actionId);
  if (action.status !== needed) throw refuse.notInStatus(actionId, action.status, needed);
  return action;
}

/** An open action that `completedBy` may complete: its owner, or anyone completing on the owner's behalf. */
export function requireCompletableBy(
  actions: readonly ImprovementAction[],
  actionId: string,
  completedBy: string,
  onOwnersBehalf: boolean,
  refuse: ImprovementActionRefusals,
): ImprovementAction {
  const action = requireAction(actions, actionId, 'open', refuse);
  if (!onOwnersBehalf && action.ownerId !== completedBy) throw refuse.notTheOwner(actionId);
  return action;
}

/** What still stands between the whole and its closing: the actions not verified yet, with their status. */
export function unverifiedActions(
  actions: readonly ImprovementAction[],
): { actionId: string; status: ImprovementActionStatus }[] {
  return actions.filter((a) => a.status !== 'verified').map(({ actionId, status }) => ({ actionId, status }));
}

export function withActionAdded(
  actions: readonly ImprovementAction[],
  added: { actionId: string; description: string; ownerId: string; dueDate: string; addedAt: string },
): ImprovementAction[] {
  const { actionId, description, ownerId, dueDate, addedAt } = added;
  const step: ImprovementActionStep = { step: 'added', at: addedAt, by: null, text: null };
  return [...actions, { actionId, description, ownerId, dueDate, status: 'open', steps: [step] }];
}

export function withActionCompleted(
  actions: readonly ImprovementAction[],
  completed: { actionId: string; completedBy: string; note: string | null; completedAt: string },
): ImprovementAction[] {
  const { actionId, completedBy, note, completedAt } = completed;
  return withStep(actions, actionId, 'completed', { step: 'completed', at: completedAt, by: completedBy, text: note });
}

export function withActionVerified(
  actions: readonly ImprovementAction[],
  verified: { actionId: string; verifiedBy: string; verifiedAt: string },
): ImprovementAction[] {
  const { actionId, verifiedBy, verifiedAt } = verified;
  return withStep(actions, actionId, 'verified', { step: 'verified', at: verifiedAt, by: verifiedBy, text: null });
}

export function withActionSentBack(
  actions: readonly ImprovementAction[],
  sentBack: { actionId: string; reason: string; sentBackAt: string },
): ImprovementAction[] {
  const { actionId, reason, sentBackAt } = sentBack;
  return withStep(actions, actionId, 'open', { step: 'sent_back', at: sentBackAt, by: null, text: reason });
}

function withStep(
  actions: readonly ImprovementAction[],
  actionId: string,
  status: ImprovementActionStatus,
  step: ImprovementActionStep,
): ImprovementAction[] {
  return actions.map((a) => (a.actionId === actionId ? { ...a, status, steps: [...a.steps, step] } : a));
}
