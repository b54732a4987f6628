import { EventValidator, ProjectType } from '@cx/contracts';
import { fold } from '@cx/domain';
import { spec } from '@cx/testing';
import { questionnaireDecider } from '../questionnaire/questionnaire.decider';
import type { QuestionnaireEvent } from '../questionnaire/questionnaire.events';
import type { SurveyQuestion } from '../questionnaire/questionnaire.state';
import { surveyWaveDecider } from '../survey-wave/survey-wave.decider';
import { SurveyWaveTransitionNotAllowed } from '../survey-wave/survey-wave.errors';
import type { SampleMemberV1, SurveyWaveEvent } from '../survey-wave/survey-wave.events';
import type { RecordSurveyResponses, ResponseToRecord, SurveyCase } from './survey-response.commands';
import { freeTextsOf, surveyResponseSubmissionDecider as decider, triageResponses } from './survey-response.decider';
import {
  SurveyCaseClosed,
  SurveyLinkAlreadyUsed,
  SurveyLinkExpired,
  SurveyResponseRefused,
  SurveyResponseSubmissionAlreadyRecorded,
} from './survey-response.errors';
import type { SurveyResponseRecordedV1, SurveyResponseSubmissionEvent } from './survey-response.events';

const waveId = '8e7d6c5b-4a39-4281-9f0e-1d2c3b4a5968';
const questionnaireId = '5d0c1b2a-3e4f-4a5b-8c6d-7e8f9a0b1c2d';
const submissionId = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
const responseIds = ['a1b2c3d4-e5f6-4789-8abc-def012345601', 'a1b2c3d4-e5f6-4789-8abc-def012345602'];
const now = new Date('2026-11-20T04:00:00.000Z');
const t = now.toISOString();
const calledAt = '2026-11-19T07:30:00.000Z';

const q = (questionId: string, changes: Partial<SurveyQuestion>): SurveyQuestion => ({
  questionId,
  text: `Question ${questionId}`,
  type: 'rating_1_5',
  stage: 'delivery',
  dimension: 'overall',
  required: false,
  choices: [],
  ...changes,
});
const version1 = [
  q('q_overall', { type: 'rating_0_10', required: true }),
  q('q_handover', { dimension: 'delivery_service', required: true }),
  q('q_recommend', { type: 'yes_no' }),
  q('q_channel', {
    type: 'single_choice',
    dimension: 'complaint_handling',
    choices: [
      { code: 'hotline', label: 'Hotline' },
      { code: 'app', label: 'App' },
    ],
  }),
  q('q_comment', { type: 'free_text' }),
  q('q_repairs', { stage: 'post_delivery', dimension: 'qa_maintenance', required: true }),
];
const version2 = [...version1, q('q_parking', { dimension: 'property_services' })];
const commercialQuestions = [
  q('q_mall', { stage: 'consumer', dimension: 'shopping_environment', required: true }),
  q('q_operations', { stage: 'merchant', dimension: 'commercial_operations', required: true }),
];

function questionnaireOf(projectType: ProjectType, versions: SurveyQuestion[][]) {
  const events: QuestionnaireEvent[] = [
    { type: 'QuestionnaireCreated', data: { questionnaireId, title: 'Satisfaction', projectType, createdAt: t } },
  ];
  versions.forEach((questions, i) => {
    const version = i + 1;
    events.push(
      { type: 'QuestionnaireVersionDrafted', data: { questionnaireId, version, questions, draftedAt: t } },
      {
        type: 'QuestionnaireVersionPublished',
        data: { questionnaireId, version, title: 'Satisfaction', projectType, questions, publishedAt: t },
      },
    );
  });
  return fold(questionnaireDecider, events);
}

const member = (subjectId: string, stage: SampleMemberV1['stage']): SampleMemberV1 => ({
  subjectId,
  project: 'SH-PUDONG-07',
  region: 'east-china',
  stage,
});
const wang = member('subj_wang000001', 'delivery');
const li = member('subj_li00000002', 'delivery');
const zhao = member('subj_zhao000003', 'post_delivery');
const outsider = 'subj_outside0009';

function waveOf(projectType: ProjectType, members: SampleMemberV1[], closed = false) {
  const digest = '0'.repeat(64);
  const events: SurveyWaveEvent[] = [
    {
      type: 'SurveyWavePlanned',
      data: {
        waveId,
        period: '2026-11',
        projectType,
        questionnaireId,
        questionnaireVersion: 1,
        fatigueMonths: 6,
        plannedAt: t,
      },
    },
    {
      type: 'SamplingFrameLoaded',
      data: { waveId, frameDigest: digest, customers: 3, strata: [], loadedAt: t },
    },
    {
      type: 'SurveySampleDrawn',
      data: {
        waveId,
        algorithm: 'xoshiro128ss-sha256-strata-v1',
        seed: 's',
        frameDigest: digest,
        fatigueMonths: 6,
        fatigueFrom: '2026-05',
        fatigueDigest: digest,
        skippedForFatigue: 0,
        strata: [],
        sampleSize: members.length,
        sampleDigest: digest,
        parts: 1,
        drawnAt: t,
      },
    },
    { type: 'SurveySampleMembersListed', data: { waveId, part: 1, members } },
  ];
  if (closed) events.push({ type: 'SurveyWaveClosed', data: { waveId, closedAt: t } });
  return fold(surveyWaveDecider, events);
}

const residentialWave = waveOf('residential', [wang, li, zhao]);
const residential = questionnaireOf('residential', [version1, version2]);

const completeAnswers = [
  { questionId: 'q_overall', value: 9 },
  { questionId: 'q_handover', value: 4 },
  { questionId: 'q_recommend', value: true },
  { questionId: 'q_channel', value: 'app' },
  { questionId: 'q_comment', value: 'Call me back on 138 0013 8000, Mrs Wang, about the lobby door' },
];
const response = (changes: Partial<ResponseToRecord> = {}): ResponseToRecord => ({
  row: 1,
  responseId: responseIds[0],
  channel: 'phone',
  subjectId: wang.subjectId,
  site: null,
  disposition: 'complete',
  attempts: 1,
  respondedAt: calledAt,
  answers: completeAnswers,
  interviewerId: 'vendor-agent-0042',
  linkId: null,
  ...changes,
});
const recording = (
  responses: ResponseToRecord[],
  changes: Partial<RecordSurveyResponses> = {},
): RecordSurveyResponses => ({
  type: 'RecordSurveyResponses',
  submissionId,
  waveId,
  wave: residentialWave,
  questionnaire: residential,
  cases: new Map(),
  responses,
  link: null,
  now,
  ...changes,
});
const recorded = (changes: Partial<SurveyResponseRecordedV1> = {}): SurveyResponseSubmissionEvent => ({
  type: 'SurveyResponseRecorded',
  data: {
    submissionId,
    responseId: responseIds[0],
    waveId,
    period: '2026-11',
    projectType: 'residential',
    questionnaireId,
    questionnaireVersion: 1,
    subjectId: wang.subjectId,
    project: 'SH-PUDONG-07',
    region: 'east-china',
    stage: 'delivery',
    channel: 'phone',
    disposition: 'complete',
    attempts: 1,
    outcomeSequence: 1,
    answers: [
      { questionId: 'q_overall', dimension: 'overall', stage: 'delivery', type: 'rating_0_10', value: 9 },
      { questionId: 'q_handover', dimension: 'delivery_service', stage: 'delivery', type: 'rating_1_5', value: 4 },
      { questionId: 'q_recommend', dimension: 'overall', stage: 'delivery', type: 'yes_no', value: true },
      {
        questionId: 'q_channel',
        dimension: 'complaint_handling',
        stage: 'delivery',
        type: 'single_choice',
        value: 'app',
      },
    ],
    hasFreeText: true,
    freeTextDimensions: ['overall'],
    interviewerId: 'vendor-agent-0042',
    linkId: null,
    respondedAt: calledAt,
    recordedAt: t,
    ...changes,
  },
});
const caseOf = (disposition: SurveyCase['disposition'], attempts = 1, outcomes = 1) =>
  new Map([[wang.subjectId, { disposition, attempts, outcomes }]]);

describe('SurveyResponseSubmission', () => {
  describe('while the wave is in the field', () => {
    it('records a complete interview: scored answers with dimension and stage, free text only flagged', () => {
      spec(decider)
        .given([])
        .when(recording([response()]))
        .then([recorded()]);
    });

    it('keeps the free text out of the event, for the surveys database alone', () => {
      const command = recording([response()]);
      const [event] = decider.decide(command, decider.initialState());
      expect(JSON.stringify(event)).not.toContain('138 0013 8000');
      expect(freeTextsOf(command)).toEqual([
        {
          responseId: responseIds[0],
          subjectId: wang.subjectId,
          questionId: 'q_comment',
          text: 'Call me back on 138 0013 8000, Mrs Wang, about the lobby door',
        },
      ]);
    });

    it('records calls that reached nobody with their attempts, and the later complete as the next outcome', () => {
      spec(decider)
        .given([])
        .when(recording([response({ disposition: 'non_contact', attempts: 3, answers: [] })]))
        .then([
          recorded({
            disposition: 'non_contact',
            attempts: 3,
            answers: [],
            hasFreeText: false,
            freeTextDimensions: [],
          }),
        ]);
      spec(decider)
        .given([])
        .when(recording([response({ attempts: 2 })], { cases: caseOf('non_contact', 3) }))
        .then([recorded({ attempts: 3, outcomeSequence: 2 })]);
    });

    it('takes a complete after a partial: the customer was called back', () => {
      spec(decider)
        .given([])
        .when(recording([response()], { cases: caseOf('partial') }))
        .then([recorded({ outcomeSequence: 2 })]);
    });

    it.each(['refusal', 'ineligible'] as const)('records the disposition %s without answers', (disposition) => {
      spec(decider)
        .given([])
        .when(recording([response({ disposition, answers: [] })]))
        .then([recorded({ disposition, answers: [], hasFreeText: false, freeTextDimensions: [] })]);
    });

    it('records a post-delivery customer against the questions of that stage', () => {
      const repairs = response({ subjectId: zhao.subjectId, answers: [{ questionId: 'q_repairs', value: 2 }] });
      const [event] = decider.decide(recording([repairs]), decider.initialState());
      expect(event.data).toMatchObject({
        stage: 'post_delivery',
        answers: [{ questionId: 'q_repairs', dimension: 'qa_maintenance', stage: 'post_delivery', value: 2 }],
      });
    });

    const answer = (questionId: string, value: unknown) =>
      completeAnswers.map((a) => (a.questionId === questionId ? { questionId, value } : a));
    it.each([
      ['a rating out of range', { answers: answer('q_handover', 7) }, 'rating_out_of_range', 'answers[1].value'],
      [
        'a rating that is not a whole number',
        { answers: answer('q_overall', 8.5) },
        'invalid_answer_value',
        'answers[0].value',
      ],
      ['a choice not offered', { answers: answer('q_channel', 'email') }, 'unknown_choice', 'answers[3].value'],
      ['yes or no as text', { answers: answer('q_recommend', 'yes') }, 'invalid_answer_value', 'answers[2].value'],
      [
        'a question of another version',
        { answers: [...completeAnswers, { questionId: 'q_parking', value: 3 }] },
        'question_not_in_version',
        'answers[5].questionId',
      ],
      [
        'a question of another stage',
        { answers: [...completeAnswers, { questionId: 'q_repairs', value: 3 }] },
        'question_not_for_stage',
        'answers[5].questionId',
      ],
      [
        'a question answered twice',
        { answers: [...completeAnswers, { questionId: 'q_overall', value: 3 }] },
        'question_answered_twice',
        'answers[5].questionId',
      ],
      [
        'a complete without a required answer',
        { answers: completeAnswers.filter((a) => a.questionId !== 'q_handover') },
        'required_question_unanswered',
        'answers',
      ],
      ['a complete without answers', { answers: [] }, 'answers_missing', 'answers'],
      ['answers for a refusal', { disposition: 'refusal' as const }, 'answers_not_expected', 'answers'],
      ['a customer not in the sample', { subjectId: outsider }, 'not_in_sample', 'subjectId'],
      ['a call after now', { respondedAt: '2026-11-20T04:00:01.000Z' }, 'in_the_future', 'respondedAt'],
      [
        'an intercept in a residential wave',
        { subjectId: null, site: { project: 'SH-PUDONG-07', region: 'east-china' } },
        'intercept_not_commercial',
        'site',
      ],
      ['neither a customer nor a site', { subjectId: null }, 'respondent_unclear', 'subjectId'],
    ])('refuses %s with 422 naming the reason and the field', (_label, changes, reason, field) => {
      spec(decider)
        .given([])
        .when(recording([response(changes as Partial<ResponseToRecord>)]))
        .thenThrows(SurveyResponseRefused, { waveId, reason, field });
    });

    it('says where a question of another version belongs', () => {
      const { rejections } = triageResponses(
        recording([response({ answers: [...completeAnswers, { questionId: 'q_parking', value: 3 }] })]),
      );
      expect(rejections[0].detail).toBe(
        'q_parking is not a question of version 1, which this wave uses; it is in version 2',
      );
    });

    it.each([
      ['complete', 'already_completed'],
      ['refusal', 'case_closed'],
      ['ineligible', 'case_closed'],
    ] as const)('refuses any outcome once the case is %s: it is closed (409)', (disposition, reason) => {
      spec(decider)
        .given([])
        .when(recording([response()], { cases: caseOf(disposition) }))
        .thenThrows(SurveyCaseClosed, { subjectId: wang.subjectId, reason, currentDisposition: disposition });
    });

    it('triages a vendor batch: keeps the good rows, gives each refused one its row number and reason', () => {
      const rows = [
        response({ row: 1 }),
        response({ row: 2, subjectId: li.subjectId, answers: answer('q_handover', 6) }),
        response({ row: 3, subjectId: outsider }),
        response({
          row: 4,
          responseId: responseIds[1],
          subjectId: li.subjectId,
          disposition: 'non_contact',
          answers: [],
        }),
        response({ row: 5 }),
      ];
      const { acceptable, rejections } = triageResponses(recording(rows));
      expect(acceptable.map((r) => r.row)).toEqual([1, 4]);
      expect(rejections).toEqual([
        expect.objectContaining({
          row: 2,
          subjectId: li.subjectId,
          reason: 'rating_out_of_range',
          field: 'answers[1].value',
        }),
        expect.objectContaining({ row: 3, subjectId: outsider, reason: 'not_in_sample' }),
        expect.objectContaining({ row: 5, subjectId: wang.subjectId, reason: 'already_completed' }),
      ]);
      const events = decider.decide(recording(acceptable), decider.initialState());
      expect(events.map((e) => [e.data.subjectId, e.data.disposition, e.data.outcomeSequence])).toEqual([
        [wang.subjectId, 'complete', 1],
        [li.subjectId, 'non_contact', 1],
      ]);
    });
  });

  describe('intercepts at a commercial project', () => {
    const commercialWave = waveOf('commercial', [member('subj_shop000001', 'merchant')]);
    const commercial = questionnaireOf('commercial', [commercialQuestions]);
    const intercept = (changes: Partial<ResponseToRecord> = {}) =>
      response({
        channel: 'intercept',
        subjectId: null,
        site: { project: 'SZ-MIXC-01', region: 'south-china' },
        answers: [{ questionId: 'q_mall', value: 5 }],
        interviewerId: 'interviewer-7',
        ...changes,
      });

    it('records a consumer outside the sample: no subject, the site, the consumer stage', () => {
      const [event] = decider.decide(
        recording([intercept()], { wave: commercialWave, questionnaire: commercial }),
        decider.initialState(),
      );
      expect(event.data).toMatchObject({
        subjectId: null,
        project: 'SZ-MIXC-01',
        region: 'south-china',
        stage: 'consumer',
        projectType: 'commercial',
        channel: 'intercept',
        outcomeSequence: 1,
      });
    });

    it('refuses a non-contact: an intercept is complete, partial or refused', () => {
      spec(decider)
        .given([])
        .when(
          recording([intercept({ disposition: 'non_contact', answers: [] })], {
            wave: commercialWave,
            questionnaire: commercial,
          }),
        )
        .thenThrows(SurveyResponseRefused, { reason: 'disposition_not_for_intercept' });
    });
  });

  describe('through a survey link', () => {
    const link = {
      linkId: '2b7c3d4e-5f60-4718-8a9b-0c1d2e3f4000',
      waveId,
      subjectId: wang.subjectId,
      expiresAt: '2026-11-22T04:00:00.000Z',
      usedAt: null,
    };
    const through = response({ channel: 'survey_link', linkId: link.linkId, interviewerId: null });

    it('records the answer with its link', () => {
      const [event] = decider.decide(recording([through], { link }), decider.initialState());
      expect(event.data).toMatchObject({ channel: 'survey_link', linkId: link.linkId, interviewerId: null });
    });

    it('refuses a link used before (409) and one past its expiry (410)', () => {
      spec(decider)
        .given([])
        .when(recording([through], { link: { ...link, usedAt: '2026-11-20T01:00:00.000Z' } }))
        .thenThrows(SurveyLinkAlreadyUsed, { linkId: link.linkId });
      spec(decider)
        .given([])
        .when(recording([through], { link: { ...link, expiresAt: t } }))
        .thenThrows(SurveyLinkExpired, { linkId: link.linkId, expiresAt: t });
    });
  });

  describe('while the wave is not in the field', () => {
    it('refuses every response once it is closed, naming its state', () => {
      const command = recording([response()], { wave: waveOf('residential', [wang], true) });
      spec(decider)
        .given([])
        .when(command)
        .thenThrows(SurveyWaveTransitionNotAllowed, { currentState: 'closed', allowedStates: ['in_field'] });
      expect(() => triageResponses(command)).toThrow(SurveyWaveTransitionNotAllowed);
    });
  });

  describe('when submitted', () => {
    it('is recorded once', () => {
      spec(decider)
        .given([recorded()])
        .when(recording([response()]))
        .thenThrows(SurveyResponseSubmissionAlreadyRecorded, { submissionId, currentState: 'submitted' });
    });
  });

  describe('its events', () => {
    it('match the published JSON Schema', () => {
      const validator = new EventValidator();
      for (const event of [recorded(), recorded({ disposition: 'refusal', answers: [], subjectId: null })]) {
        expect(validator.validate(envelopeOf(event))).toMatchObject({ valid: true });
      }
    });

    it('refuse free text in an answer: only ratings, choice codes and yes or no travel', () => {
      const event = recorded();
      const leaked = {
        ...event,
        data: {
          ...event.data,
          answers: [
            {
              questionId: 'q_comment',
              dimension: 'overall',
              stage: 'delivery',
              type: 'single_choice',
              value: 'Call me on 138 0013 8000',
            },
          ],
        },
      } as SurveyResponseSubmissionEvent;
      expect(new EventValidator().validate(envelopeOf(leaked))).toMatchObject({ valid: false });
    });
  });
});

function envelopeOf(event: SurveyResponseSubmissionEvent) {
  return {
    id: '6a1f7c1e-2b1d-4f3a-9a0e-1c2d3e4f5a6b',
    type: event.type,
    schemaVersion: 1,
    streamId: submissionId,
    streamType: 'SurveyResponseSubmission',
    streamVersion: 1,
    position: '1',
    occurredAt: t,
    correlationId: 'c-1',
    causationId: null,
    actor: { type: 'user', id: 'vendor-1' },
    data: event.data,
  };
}
