import { DomainError } from './domain-error';
import {
  ImprovementActionRefusals,
  requireAction,
  requireCompletableBy,
  unverifiedActions,
  withActionAdded,
  withActionCompleted,
  withActionSentBack,
  withActionVerified,
} from './improvement-actions';

class Refused extends DomainError {
  readonly code = 'TEST.REFUSED';
  readonly kind = 'invalid_state';
}

const refuse: ImprovementActionRefusals = {
  notFound: (actionId) => new Refused(`no ${actionId}`),
  notInStatus: (actionId, status, needed) => new Refused(`${actionId} is ${status}, needs ${needed}`),
  notTheOwner: (actionId) => new Refused(`not the owner of ${actionId}`),
};

const added = withActionAdded([], {
  actionId: 'a-1',
  description: 'Retrain the night-shift property team',
  ownerId: 'emp-17',
  dueDate: '2026-12-31',
  addedAt: '2026-11-26T01:00:00.000Z',
});

describe('improvement actions', () => {
  it('runs open → completed → sent back (open) → completed → verified, keeping every step', () => {
    let actions = withActionCompleted(added, {
      actionId: 'a-1',
      completedBy: 'emp-17',
      note: 'done',
      completedAt: '2026-11-27T00:00:00.000Z',
    });
    actions = withActionSentBack(actions, { actionId: 'a-1', reason: 'no roster', sentBackAt: '2026-11-28T00:00:00Z' });
    expect(actions[0].status).toBe('open');
    actions = withActionCompleted(actions, {
      actionId: 'a-1',
      completedBy: 'emp-17',
      note: 'roster attached',
      completedAt: '2026-11-29T00:00:00Z',
    });
    actions = withActionVerified(actions, { actionId: 'a-1', verifiedBy: 'mgr-2', verifiedAt: '2026-11-30T00:00:00Z' });

    expect(actions[0].status).toBe('verified');
    expect(actions[0].steps.map((s) => [s.step, s.by, s.text])).toEqual([
      ['added', null, null],
      ['completed', 'emp-17', 'done'],
      ['sent_back', null, 'no roster'],
      ['completed', 'emp-17', 'roster attached'],
      ['verified', 'mgr-2', null],
    ]);
    expect(unverifiedActions(actions)).toEqual([]);
  });

  it("refuses with the aggregate's own errors: an unknown action, one in another status, someone else's", () => {
    expect(() => requireAction(added, 'a-9', 'open', refuse)).toThrow('no a-9');
    expect(() => requireAction(added, 'a-1', 'completed', refuse)).toThrow('a-1 is open, needs completed');
    expect(() => requireCompletableBy(added, 'a-1', 'emp-99', false, refuse)).toThrow('not the owner of a-1');
  });

  it('lets the owner complete, or anyone completing on their behalf', () => {
    expect(requireCompletableBy(added, 'a-1', 'emp-17', false, refuse).actionId).toBe('a-1');
    expect(requireCompletableBy(added, 'a-1', 'mgr-2', true, refuse).actionId).toBe('a-1');
  });

  it('lists what is not verified yet, with its status', () => {
    const two = withActionAdded(added, {
      actionId: 'a-2',
      description: 'Fix the lift alarm',
      ownerId: 'emp-3',
      dueDate: '2027-01-15',
      addedAt: '2026-11-26T02:00:00Z',
    });
    const completed = withActionCompleted(two, {
      actionId: 'a-2',
      completedBy: 'emp-3',
      note: 'ok',
      completedAt: '2026-11-27T00:00:00Z',
    });
    expect(unverifiedActions(completed)).toEqual([
      { actionId: 'a-1', status: 'open' },
      { actionId: 'a-2', status: 'completed' },
    ]);
  });
});
