import type { Decider } from '@cx/domain';
import type { AppraisalScorecardCommand } from './appraisal-scorecard.commands';
import {
  ScorecardAlreadyFrozen,
  ScorecardNotFound,
  ScorecardRuleViolated,
  ScorecardWaveNotClosed,
} from './appraisal-scorecard.errors';
import type { AppraisalScorecardEvent, ScorecardChangeV1, ScorecardEntryV1 } from './appraisal-scorecard.events';
import type { AppraisalScorecardState } from './appraisal-scorecard.state';
import { ScorecardLines, scorecardLines } from './scorecard-lines';

const FIGURES: readonly (keyof ScorecardEntryV1)[] = [
  'team',
  'responses',
  'answers',
  'index',
  'ciLow',
  'ciHigh',
  'insufficient',
  'rank',
  'previousIndex',
  'change',
  'target',
  'againstTarget',
];

/** Each figure that differs between two versions of the lines; a line on one side only is `line` false → true. */
function changesBetween(before: ScorecardLines, after: ScorecardLines): ScorecardChangeV1[] {
  const changes: ScorecardChangeV1[] = [];
  for (const kind of ['project', 'team'] as const) {
    const old = new Map(before[`${kind}s`].map((l) => [l.code, l]));
    const now = new Map(after[`${kind}s`].map((l) => [l.code, l]));
    for (const code of [...new Set([...old.keys(), ...now.keys()])].sort()) {
      const [from, to] = [old.get(code), now.get(code)];
      if (!from || !to) {
        changes.push({ kind, code, field: 'line', from: from !== undefined, to: to !== undefined });
        continue;
      }
      for (const field of FIGURES) {
        if (from[field] !== to[field]) changes.push({ kind, code, field, from: from[field], to: to[field] });
      }
    }
  }
  return changes;
}

function decide(command: AppraisalScorecardCommand, state: AppraisalScorecardState): AppraisalScorecardEvent[] {
  const { scorecardId, period, projectType } = command;
  const now = command.now.toISOString();
  switch (command.type) {
    case 'FreezeScorecard': {
      if (state.status === 'frozen') throw new ScorecardAlreadyFrozen(projectType, period, state.history[0].at);
      const { wave } = command;
      if (wave.status !== 'closed') {
        throw new ScorecardWaveNotClosed(
          projectType,
          period,
          wave.status === 'not_planned' ? null : wave.waveId,
          wave.status,
        );
      }
      const lines = scorecardLines({
        responses: command.responses,
        sampledProjects: [...new Set([...wave.sample.values()].map((m) => m.project))],
        register: command.register,
        previous: command.previous,
        minimumResponses: command.minimumResponses,
      });
      return [
        {
          type: 'ScorecardFrozen',
          data: {
            scorecardId,
            period,
            projectType,
            waveId: wave.waveId,
            minimumResponses: command.minimumResponses,
            ...lines,
            excludedResponses: [],
            frozenBy: command.frozenBy,
            frozenAt: now,
          },
        },
      ];
    }
    case 'CorrectScorecard': {
      if (state.status !== 'frozen') throw new ScorecardNotFound(projectType, period);
      const completes = new Set(command.responses.map((r) => r.responseId));
      for (const responseId of command.excludeResponses) {
        if (!completes.has(responseId)) {
          throw new ScorecardRuleViolated(
            'excludeResponseIds',
            `${responseId} is not a complete response of the wave`,
            {
              responseId,
            },
          );
        }
        if (state.excludedResponses.has(responseId)) {
          throw new ScorecardRuleViolated('excludeResponseIds', `${responseId} is left out already`, { responseId });
        }
      }
      const excluded = new Set([...state.excludedResponses, ...command.excludeResponses]);
      const lines = scorecardLines({
        responses: command.responses.filter((r) => !excluded.has(r.responseId)),
        sampledProjects: state.projects.map((l) => l.code),
        register: command.register,
        previous: command.previous,
        minimumResponses: state.minimumResponses,
      });
      const changes = changesBetween(state, lines);
      if (changes.length === 0) throw new ScorecardRuleViolated('reason', 'the correction changes no figure');
      return [
        {
          type: 'ScorecardCorrected',
          data: {
            scorecardId,
            period,
            projectType,
            revision: state.history.length,
            reason: command.reason,
            changes,
            ...lines,
            excludedResponses: [...excluded].sort(),
            correctedBy: command.correctedBy,
            correctedAt: now,
          },
        },
      ];
    }
    default:
      return exhaustive(command);
  }
}

function evolve(state: AppraisalScorecardState, event: AppraisalScorecardEvent): AppraisalScorecardState {
  switch (event.type) {
    case 'ScorecardFrozen': {
      const e = event.data;
      return {
        status: 'frozen',
        scorecardId: e.scorecardId,
        period: e.period,
        projectType: e.projectType,
        waveId: e.waveId,
        minimumResponses: e.minimumResponses,
        projects: e.projects,
        teams: e.teams,
        excludedResponses: new Set(e.excludedResponses),
        history: [{ revision: 0, reason: null, by: e.frozenBy, at: e.frozenAt, changes: [] }],
      };
    }
    case 'ScorecardCorrected': {
      if (state.status !== 'frozen') return state;
      const e = event.data;
      return {
        ...state,
        projects: e.projects,
        teams: e.teams,
        excludedResponses: new Set(e.excludedResponses),
        history: [
          ...state.history,
          { revision: e.revision, reason: e.reason, by: e.correctedBy, at: e.correctedAt, changes: e.changes },
        ],
      };
    }
    default:
      return exhaustive(event);
  }
}

function exhaustive(value: never): never {
  throw new Error(`Unhandled: ${JSON.stringify(value)}`);
}

export const appraisalScorecardDecider: Decider<
  AppraisalScorecardCommand,
  AppraisalScorecardEvent,
  AppraisalScorecardState
> = {
  initialState: () => ({ status: 'not_frozen' }),
  decide,
  evolve,
};
