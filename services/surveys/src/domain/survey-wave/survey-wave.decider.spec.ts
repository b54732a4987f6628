import { EventValidator, SurveyStage } from '@cx/contracts';
import { fold } from '@cx/domain';
import { spec } from '@cx/testing';
import { questionnaireDecider } from '../questionnaire/questionnaire.decider';
import { QuestionnaireNotFound } from '../questionnaire/questionnaire.errors';
import type { QuestionnaireEvent } from '../questionnaire/questionnaire.events';
import { drawSample } from '../sampling/sampler';
import { FrameEntry, frameDigest, subjectsDigest } from '../sampling/sampling-frame';
import type { DrawSample, SurveyWaveCommand } from './survey-wave.commands';
import { surveyWaveDecider as decider } from './survey-wave.decider';
import {
  SamplingFrameAltered,
  SurveyWaveNotFound,
  SurveyWaveRuleViolated,
  SurveyWaveTransitionNotAllowed,
} from './survey-wave.errors';
import type { SurveyWaveEvent } from './survey-wave.events';

const waveId = '8e7d6c5b-4a39-4281-9f0e-1d2c3b4a5968';
const questionnaireId = '5d0c1b2a-3e4f-4a5b-8c6d-7e8f9a0b1c2d';
const now = new Date('2026-11-02T02:00:00.000Z');
const t = now.toISOString();
const on = { waveId, now };

const questions = [
  {
    questionId: 'q_overall',
    text: 'Overall, how satisfied are you?',
    type: 'rating_0_10' as const,
    stage: 'delivery' as const,
    dimension: 'overall' as const,
    required: true,
    choices: [],
  },
];
const questionnaireEvents: QuestionnaireEvent[] = [
  {
    type: 'QuestionnaireCreated',
    data: { questionnaireId, title: 'Residential 2026', projectType: 'residential', createdAt: t },
  },
  { type: 'QuestionnaireVersionDrafted', data: { questionnaireId, version: 1, questions, draftedAt: t } },
  {
    type: 'QuestionnaireVersionPublished',
    data: {
      questionnaireId,
      version: 1,
      title: 'Residential 2026',
      projectType: 'residential',
      questions,
      publishedAt: t,
    },
  },
  { type: 'QuestionnaireVersionDrafted', data: { questionnaireId, version: 2, questions, draftedAt: t } },
];
const questionnaire = (events = questionnaireEvents) => fold(questionnaireDecider, events);

const customer = (n: number, stage: SurveyStage = 'delivery', project = 'SH-PUDONG-07'): FrameEntry => ({
  subjectId: `subj_pd${stage.slice(0, 3)}${String(n).padStart(6, '0')}`,
  project,
  region: 'east-china',
  stage,
});
const frame = [
  ...Array.from({ length: 30 }, (_, n) => customer(n)),
  ...Array.from({ length: 20 }, (_, n) => customer(n, 'post_delivery')),
];
const quotas = [
  { project: 'SH-PUDONG-07', stage: 'delivery' as const, size: 10 },
  { project: 'SH-PUDONG-07', stage: 'post_delivery' as const, size: 5 },
];

const plan: SurveyWaveCommand = {
  type: 'PlanSurveyWave',
  period: '2026-11',
  projectType: 'residential',
  questionnaireId,
  questionnaireVersion: 1,
  fatigueMonths: 6,
  questionnaire: questionnaire(),
  ...on,
};
const planned: SurveyWaveEvent = {
  type: 'SurveyWavePlanned',
  data: {
    waveId,
    period: '2026-11',
    projectType: 'residential',
    questionnaireId,
    questionnaireVersion: 1,
    fatigueMonths: 6,
    plannedAt: t,
  },
};
const load = (entries: FrameEntry[] = frame): SurveyWaveCommand => ({ type: 'LoadSamplingFrame', entries, ...on });
const loaded = (entries: FrameEntry[] = frame): SurveyWaveEvent => ({
  type: 'SamplingFrameLoaded',
  data: {
    waveId,
    frameDigest: frameDigest(entries),
    customers: entries.length,
    strata: [
      { project: 'SH-PUDONG-07', stage: 'delivery', customers: entries.filter((e) => e.stage === 'delivery').length },
      {
        project: 'SH-PUDONG-07',
        stage: 'post_delivery',
        customers: entries.filter((e) => e.stage === 'post_delivery').length,
      },
    ],
    loadedAt: t,
  },
});
const draw = (changes: Partial<DrawSample> = {}): DrawSample => ({
  type: 'DrawSample',
  seed: 'seed-2026-11',
  quotas,
  frame,
  recentlySurveyed: new Set(),
  ...on,
  ...changes,
});
/** The events of a draw from the loaded frame. */
const drawn = (command: DrawSample = draw()) => decider.decide(command, fold(decider, [planned, loaded()]));

describe('SurveyWave', () => {
  describe('when not planned', () => {
    it('is planned with a published questionnaire version of its project type', () => {
      spec(decider).given([]).when(plan).then([planned]);
    });

    it('refuses a version that is still a draft, naming the field', () => {
      spec(decider)
        .given([])
        .when({ ...plan, questionnaireVersion: 2 } as SurveyWaveCommand)
        .thenThrows(SurveyWaveRuleViolated, { field: 'questionnaireVersion' });
    });

    it('refuses a questionnaire of the other project type', () => {
      spec(decider)
        .given([])
        .when({ ...plan, projectType: 'commercial' } as SurveyWaveCommand)
        .thenThrows(SurveyWaveRuleViolated, { field: 'projectType' });
    });

    it('refuses a questionnaire that does not exist', () => {
      spec(decider)
        .given([])
        .when({ ...plan, questionnaire: questionnaire([]) } as SurveyWaveCommand)
        .thenThrows(QuestionnaireNotFound, { questionnaireId });
    });

    it.each([load(), draw(), { type: 'CloseSurveyWave', ...on } as SurveyWaveCommand])(
      'refuses $type as not found',
      (command) => {
        spec(decider).given([]).when(command).thenThrows(SurveyWaveNotFound, { waveId });
      },
    );
  });

  describe('when planned', () => {
    it('loads the frame, recording its digest and its customers per project and stage', () => {
      spec(decider).given([planned]).when(load()).then([loaded()]);
    });

    it.each([
      ['an empty frame', [], 'frame'],
      ['a customer twice', [customer(1), customer(2), customer(1)], 'subjectId'],
      ['a commercial stage in a residential wave', [customer(1, 'merchant')], 'stage'],
    ])('refuses %s', (_label, entries, field) => {
      spec(decider)
        .given([planned])
        .when(load(entries as FrameEntry[]))
        .thenThrows(SurveyWaveRuleViolated, { field });
    });

    it('draws nothing before it has a frame, naming its state', () => {
      spec(decider)
        .given([planned])
        .when(draw())
        .thenThrows(SurveyWaveTransitionNotAllowed, { currentState: 'planned', allowedStates: ['framed'] });
    });
  });

  describe('when framed', () => {
    const given = [planned, loaded()];

    it('replaces the frame with one loaded again', () => {
      const smaller = frame.slice(0, 40);
      spec(decider)
        .given(given)
        .when(load(smaller))
        .then([loaded(smaller)]);
    });

    it('draws the sample: seed, quotas, fatigue and digests, then the members in draw order', () => {
      const recentlySurveyed = new Set([customer(0).subjectId, customer(1).subjectId]);
      const command = draw({ recentlySurveyed });
      const expected = drawSample(frame, quotas, 'seed-2026-11', recentlySurveyed);
      spec(decider)
        .given(given)
        .when(command)
        .then([
          {
            type: 'SurveySampleDrawn',
            data: {
              waveId,
              algorithm: 'xoshiro128ss-sha256-strata-v1',
              seed: 'seed-2026-11',
              frameDigest: frameDigest(frame),
              fatigueMonths: 6,
              fatigueFrom: '2026-05',
              fatigueDigest: subjectsDigest(recentlySurveyed),
              skippedForFatigue: 2,
              strata: [
                { project: 'SH-PUDONG-07', stage: 'delivery', quota: 10, frame: 30, skippedForFatigue: 2, drawn: 10 },
                {
                  project: 'SH-PUDONG-07',
                  stage: 'post_delivery',
                  quota: 5,
                  frame: 20,
                  skippedForFatigue: 0,
                  drawn: 5,
                },
              ],
              sampleSize: 15,
              sampleDigest: expected.sampleDigest,
              parts: 1,
              drawnAt: t,
            },
          },
          { type: 'SurveySampleMembersListed', data: { waveId, part: 1, members: expected.members } },
        ]);
    });

    it('lists a large sample in parts of at most 1000 members', () => {
      const large = Array.from({ length: 2_500 }, (_, n) => customer(n));
      const events = decider.decide(
        draw({ frame: large, quotas: [{ project: 'SH-PUDONG-07', stage: 'delivery', size: 2_500 }] }),
        fold(decider, [planned, loaded(large)]),
      );
      expect(
        events.map((e) => [e.type, 'members' in e.data ? e.data.members.length : 'parts' in e.data && e.data.parts]),
      ).toEqual([
        ['SurveySampleDrawn', 3],
        ['SurveySampleMembersListed', 1_000],
        ['SurveySampleMembersListed', 1_000],
        ['SurveySampleMembersListed', 500],
      ]);
    });

    it('refuses to draw from a frame that changed since it was loaded', () => {
      const altered = frame.map((e, i) => (i === 0 ? { ...e, region: 'north-china' } : e));
      spec(decider)
        .given(given)
        .when(draw({ frame: altered }))
        .thenThrows(SamplingFrameAltered, { recordedDigest: frameDigest(frame), storedDigest: frameDigest(altered) });
    });

    it.each([
      ['a stratum with two quotas', [quotas[0], { ...quotas[0], size: 3 }], 'quotas[1]'],
      ['a stage of commercial projects', [{ project: 'SH-PUDONG-07', stage: 'member', size: 3 }], 'quotas[0].stage'],
      ['quotas that draw nobody', [{ project: 'BJ-CHAOYANG-01', stage: 'delivery', size: 3 }], 'quotas'],
    ])('refuses %s', (_label, badQuotas, field) => {
      spec(decider)
        .given(given)
        .when(draw({ quotas: badQuotas as DrawSample['quotas'] }))
        .thenThrows(SurveyWaveRuleViolated, { field });
    });
  });

  describe('when in the field', () => {
    const given = [planned, loaded(), ...drawn()];
    const state = fold(decider, given);
    const sampled = state.status === 'in_field' ? [...state.sample.keys()] : [];
    const expiresAt = new Date('2026-11-05T02:00:00.000Z');
    const issue = (subjectIds: string[]): SurveyWaveCommand => ({
      type: 'IssueSurveyLinks',
      issueId: '0f1e2d3c-4b5a-4697-8877-665544332211',
      links: subjectIds.map((subjectId, i) => ({
        linkId: `2b7c3d4e-5f60-4718-8a9b-0c1d2e3f40${String(i).padStart(2, '0')}`,
        subjectId,
      })),
      expiresAt,
      ...on,
    });

    it('holds the sample in draw order', () => {
      expect(state).toMatchObject({ status: 'in_field', draw: { sampleSize: 15 } });
      expect(sampled).toHaveLength(15);
    });

    it('issues survey links to sampled customers, without tokens', () => {
      const [first, second] = sampled;
      spec(decider)
        .given(given)
        .when(issue([first, second]))
        .then([
          {
            type: 'SurveyLinksIssued',
            data: {
              waveId,
              issueId: '0f1e2d3c-4b5a-4697-8877-665544332211',
              links: [
                {
                  linkId: '2b7c3d4e-5f60-4718-8a9b-0c1d2e3f4000',
                  subjectId: first,
                  expiresAt: expiresAt.toISOString(),
                },
                {
                  linkId: '2b7c3d4e-5f60-4718-8a9b-0c1d2e3f4001',
                  subjectId: second,
                  expiresAt: expiresAt.toISOString(),
                },
              ],
              issuedAt: t,
            },
          },
        ]);
    });

    it('issues none to a customer who holds one already', () => {
      const linked = [...given, ...decider.decide(issue([sampled[0]]), state)];
      const events = decider.decide(issue([sampled[0], sampled[1]]), fold(decider, linked));
      expect(
        events.flatMap((e) => (e.type === 'SurveyLinksIssued' ? e.data.links.map((l) => l.subjectId) : [])),
      ).toEqual([sampled[1]]);
    });

    it('refuses a link for someone not in the sample, naming them', () => {
      const outsider = frame.find((e) => !sampled.includes(e.subjectId))!.subjectId;
      spec(decider)
        .given(given)
        .when(issue([sampled[0], outsider]))
        .thenThrows(SurveyWaveRuleViolated, { field: 'subjectIds', subjectId: outsider });
    });

    it.each([draw(), load()])('refuses $type: the sample is drawn', (command) => {
      spec(decider).given(given).when(command).thenThrows(SurveyWaveTransitionNotAllowed, { currentState: 'in_field' });
    });

    it('closes', () => {
      spec(decider)
        .given(given)
        .when({ type: 'CloseSurveyWave', ...on })
        .then([{ type: 'SurveyWaveClosed', data: { waveId, closedAt: t } }]);
    });
  });

  describe('when closed', () => {
    it('refuses links and closing again, naming its state', () => {
      const given: SurveyWaveEvent[] = [
        planned,
        loaded(),
        ...drawn(),
        { type: 'SurveyWaveClosed', data: { waveId, closedAt: t } },
      ];
      spec(decider)
        .given(given)
        .when({ type: 'CloseSurveyWave', ...on })
        .thenThrows(SurveyWaveTransitionNotAllowed, { currentState: 'closed', allowedStates: ['in_field'] });
      const link = { linkId: '2b7c3d4e-5f60-4718-8a9b-0c1d2e3f4000', subjectId: frame[0].subjectId };
      spec(decider)
        .given(given)
        .when({
          type: 'IssueSurveyLinks',
          issueId: '0f1e2d3c-4b5a-4697-8877-665544332211',
          links: [link],
          expiresAt: now,
          ...on,
        })
        .thenThrows(SurveyWaveTransitionNotAllowed, { command: 'IssueSurveyLinks', currentState: 'closed' });
    });
  });

  describe('its events', () => {
    it('all match the published JSON Schemas', () => {
      const validator = new EventValidator();
      const events: SurveyWaveEvent[] = [
        planned,
        loaded(),
        ...drawn(),
        {
          type: 'SurveyLinksIssued',
          data: {
            waveId,
            issueId: '0f1e2d3c-4b5a-4697-8877-665544332211',
            links: [{ linkId: '2b7c3d4e-5f60-4718-8a9b-0c1d2e3f4000', subjectId: frame[0].subjectId, expiresAt: t }],
            issuedAt: t,
          },
        },
        { type: 'SurveyWaveClosed', data: { waveId, closedAt: t } },
      ];
      for (const [i, event] of events.entries()) {
        expect({ type: event.type, result: validator.validate(envelopeOf(event, i + 1)) }).toEqual({
          type: event.type,
          result: expect.objectContaining({ valid: true }),
        });
      }
    });

    it('refuse a phone number in place of a subject id', () => {
      const [, members] = drawn();
      const phone = {
        ...members,
        data: { waveId, part: 1, members: [{ ...frame[0], subjectId: '+86 138 0013 8000' }] },
      } as SurveyWaveEvent;
      expect(new EventValidator().validate(envelopeOf(phone, 4))).toMatchObject({ valid: false });
    });
  });
});

function envelopeOf(event: SurveyWaveEvent, streamVersion: number) {
  return {
    id: '6a1f7c1e-2b1d-4f3a-9a0e-1c2d3e4f5a6b',
    type: event.type,
    schemaVersion: 1,
    streamId: waveId,
    streamType: 'SurveyWave',
    streamVersion,
    position: String(streamVersion),
    occurredAt: t,
    correlationId: 'c-1',
    causationId: null,
    actor: { type: 'user', id: 'admin-1' },
    data: event.data,
  };
}
