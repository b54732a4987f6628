import { EventValidator } from '@cx/contracts';
import { spec } from '@cx/testing';
import type { SurveyWaveState } from '../survey-wave/survey-wave.state';
import type { CorrectScorecard, FreezeScorecard } from './appraisal-scorecard.commands';
import { appraisalScorecardDecider as decider } from './appraisal-scorecard.decider';
import {
  ScorecardAlreadyFrozen,
  ScorecardNotFound,
  ScorecardRuleViolated,
  ScorecardWaveNotClosed,
} from './appraisal-scorecard.errors';
import type { AppraisalScorecardEvent } from './appraisal-scorecard.events';
import { scorecardIdOf } from './scorecard-id';
import type { ScoredResponse } from './scorecard-lines';

const waveId = '8e7d6c5b-4a39-4281-9f0e-1d2c3b4a5968';
const scorecardId = scorecardIdOf('residential', '2026-05');
const [r1, r2, r3] = [
  '0b7f7c1e-0a4c-4c3e-9a55-1f6d2b8e9a01',
  '0b7f7c1e-0a4c-4c3e-9a55-1f6d2b8e9a02',
  '0b7f7c1e-0a4c-4c3e-9a55-1f6d2b8e9a03',
];
const frozenAt = new Date('2026-06-03T02:00:00.000Z');
const correctedAt = new Date('2026-06-20T02:00:00.000Z');

const closedWave = {
  status: 'closed',
  waveId,
  sample: new Map([
    ['subj_case0001', { subjectId: 'subj_case0001', project: 'SH-PUDONG-07', region: 'east', stage: 'delivery' }],
  ]),
} as unknown as SurveyWaveState;
const responses: ScoredResponse[] = [
  { responseId: r1, project: 'SH-PUDONG-07', answers: [{ type: 'rating_1_5', value: 5 }] },
  { responseId: r2, project: 'SH-PUDONG-07', answers: [{ type: 'rating_1_5', value: 3 }] },
  { responseId: r3, project: 'SH-PUDONG-07', answers: [{ type: 'rating_0_10', value: 0 }] },
];
const register = { projects: { 'SH-PUDONG-07': { team: 'east-delivery', target: 60 } }, teams: {} };
const on = { scorecardId, period: '2026-05', projectType: 'residential' as const, register, previous: null };
const freeze = (wave = closedWave): FreezeScorecard => ({
  type: 'FreezeScorecard',
  ...on,
  now: frozenAt,
  wave,
  responses,
  minimumResponses: 2,
  frozenBy: 'survey-admin-1',
});
const correct = (excludeResponses: string[], changes: Partial<CorrectScorecard> = {}): CorrectScorecard => ({
  type: 'CorrectScorecard',
  ...on,
  now: correctedAt,
  responses,
  reason: 'The vendor could not evidence the call',
  excludeResponses,
  correctedBy: 'survey-admin-2',
  ...changes,
});
// 100, 50, 0: mean 50; s = 50; t(2) = 4.302653: ± 124.21. Team east-delivery the same.
const entry = (code: string, figures: object) => ({
  code,
  team: 'east-delivery',
  responses: 3,
  answers: 3,
  index: 50,
  ciLow: -74.21,
  ciHigh: 174.21,
  insufficient: false,
  rank: 1,
  previousIndex: null,
  change: null,
  target: code === 'east-delivery' ? null : 60,
  againstTarget: code === 'east-delivery' ? null : -10,
  ...figures,
});
const frozen: AppraisalScorecardEvent = {
  type: 'ScorecardFrozen',
  data: {
    scorecardId,
    period: '2026-05',
    projectType: 'residential',
    waveId,
    minimumResponses: 2,
    projects: [entry('SH-PUDONG-07', {})],
    teams: [entry('east-delivery', {})],
    excludedResponses: [],
    frozenBy: 'survey-admin-1',
    frozenAt: frozenAt.toISOString(),
  },
};

describe('an appraisal scorecard', () => {
  describe('when not frozen', () => {
    it('is frozen from the closed wave, with each line scored, ranked and compared', () => {
      spec(decider).given([]).when(freeze()).then([frozen]);
    });

    it('refuses a freeze while the wave is in the field, naming its state', () => {
      spec(decider)
        .given([])
        .when(freeze({ ...closedWave, status: 'in_field' } as SurveyWaveState))
        .thenThrows(ScorecardWaveNotClosed, { waveId, currentState: 'in_field' });
    });

    it('refuses a freeze of a month without a wave', () => {
      spec(decider)
        .given([])
        .when(freeze({ status: 'not_planned' }))
        .thenThrows(ScorecardWaveNotClosed, { waveId: null, currentState: 'not_planned' });
    });

    it('has nothing to correct', () => {
      spec(decider)
        .given([])
        .when(correct([r3]))
        .thenThrows(ScorecardNotFound);
    });
  });

  describe('when frozen', () => {
    it('is never frozen again', () => {
      spec(decider)
        .given([frozen])
        .when(freeze())
        .thenThrows(ScorecardAlreadyFrozen, { frozenAt: frozenAt.toISOString() });
    });

    it('is corrected by a new event naming why, who and each figure that changed', () => {
      // Without r3 (0): 100, 50 → mean 75; s = 35.3553; t(1) = 12.706205: ± 317.66.
      const after = { index: 75, answers: 2, responses: 2, ciLow: -242.66, ciHigh: 392.66 };
      const changes = (kind: 'project' | 'team', code: string) => [
        { kind, code, field: 'responses', from: 3, to: 2 },
        { kind, code, field: 'answers', from: 3, to: 2 },
        { kind, code, field: 'index', from: 50, to: 75 },
        { kind, code, field: 'ciLow', from: -74.21, to: -242.66 },
        { kind, code, field: 'ciHigh', from: 174.21, to: 392.66 },
        ...(kind === 'project' ? [{ kind, code, field: 'againstTarget', from: -10, to: 15 }] : []),
      ];
      spec(decider)
        .given([frozen])
        .when(correct([r3]))
        .then([
          {
            type: 'ScorecardCorrected',
            data: {
              scorecardId,
              period: '2026-05',
              projectType: 'residential',
              revision: 1,
              reason: 'The vendor could not evidence the call',
              changes: [...changes('project', 'SH-PUDONG-07'), ...changes('team', 'east-delivery')],
              projects: [entry('SH-PUDONG-07', { ...after, againstTarget: 15 })],
              teams: [entry('east-delivery', after)],
              excludedResponses: [r3],
              correctedBy: 'survey-admin-2',
              correctedAt: correctedAt.toISOString(),
            },
          },
        ]);
    });

    it('leaves a line unranked once a correction takes it below the minimum', () => {
      const [event] = decider.decide(correct([r2, r3]), decider.evolve(decider.initialState(), frozen));
      expect(event.type === 'ScorecardCorrected' && event.data.projects[0]).toMatchObject({
        responses: 1,
        insufficient: true,
        rank: null,
        againstTarget: null,
      });
    });

    it('refuses a correction that changes no figure, or leaves out a response it cannot', () => {
      spec(decider).given([frozen]).when(correct([])).thenThrows(ScorecardRuleViolated, { field: 'reason' });
      spec(decider)
        .given([frozen])
        .when(correct(['0b7f7c1e-0a4c-4c3e-9a55-1f6d2b8e9aff']))
        .thenThrows(ScorecardRuleViolated, { field: 'excludeResponseIds' });
    });

    it('picks up a target corrected in the register', () => {
      const retargeted = { projects: { 'SH-PUDONG-07': { team: 'east-delivery', target: 45 } }, teams: {} };
      const [event] = decider.decide(
        correct([], { register: retargeted }),
        decider.evolve(decider.initialState(), frozen),
      );
      expect(event.type === 'ScorecardCorrected' && event.data.changes).toEqual([
        { kind: 'project', code: 'SH-PUDONG-07', field: 'target', from: 60, to: 45 },
        { kind: 'project', code: 'SH-PUDONG-07', field: 'againstTarget', from: -10, to: 5 },
      ]);
    });
  });

  it('writes events the published schema accepts', () => {
    const validator = new EventValidator();
    const [corrected] = decider.decide(correct([r3]), decider.evolve(decider.initialState(), frozen));
    for (const event of [frozen, corrected]) {
      const validation = validator.validate({
        id: '1d8a0e4c-2b3f-4a5d-8e6f-7a8b9c0d1e2f',
        type: event.type,
        schemaVersion: 1,
        streamId: scorecardId,
        streamType: 'AppraisalScorecard',
        streamVersion: 1,
        position: '1',
        occurredAt: correctedAt.toISOString(),
        correlationId: 'spec',
        causationId: null,
        actor: { type: 'user', id: 'survey-admin-1' },
        data: event.data,
      });
      expect(validation).toMatchObject({ valid: true });
    }
  });
});
