import { EventValidator } from '@cx/contracts';
import { fold } from '@cx/domain';
import { spec } from '@cx/testing';
import type { QuestionnaireCommand } from './questionnaire.commands';
import { questionnaireDecider as decider } from './questionnaire.decider';
import {
  QuestionnaireNotFound,
  QuestionnaireRuleViolated,
  QuestionnaireTransitionNotAllowed,
  QuestionnaireVersionNotFound,
  QuestionnaireVersionPublished,
} from './questionnaire.errors';
import type { QuestionnaireEvent } from './questionnaire.events';
import { publishedVersion, SurveyQuestion } from './questionnaire.state';

const questionnaireId = '5d0c1b2a-3e4f-4a5b-8c6d-7e8f9a0b1c2d';
const now = new Date('2026-10-20T02:00:00.000Z');
const t = now.toISOString();
const on = { questionnaireId, now };

const question = (questionId: string, changes: Partial<SurveyQuestion> = {}): SurveyQuestion => ({
  questionId,
  text: `How satisfied are you (${questionId})?`,
  type: 'rating_1_5',
  stage: 'post_delivery',
  dimension: 'property_services',
  required: true,
  choices: [],
  ...changes,
});
const v1 = [question('q_overall', { dimension: 'overall' }), question('q_repairs', { dimension: 'qa_maintenance' })];
const v2 = [...v1, question('q_comment', { type: 'free_text', required: false })];

const create: QuestionnaireCommand = {
  type: 'CreateQuestionnaire',
  title: 'Residential satisfaction 2026',
  projectType: 'residential',
  questions: v1,
  ...on,
};
const created: QuestionnaireEvent = {
  type: 'QuestionnaireCreated',
  data: { questionnaireId, title: 'Residential satisfaction 2026', projectType: 'residential', createdAt: t },
};
const drafted = (version: number, questions: SurveyQuestion[]): QuestionnaireEvent => ({
  type: 'QuestionnaireVersionDrafted',
  data: { questionnaireId, version, questions, draftedAt: t },
});
const published = (version: number, questions: SurveyQuestion[]): QuestionnaireEvent => ({
  type: 'QuestionnaireVersionPublished',
  data: {
    questionnaireId,
    version,
    title: 'Residential satisfaction 2026',
    projectType: 'residential',
    questions,
    publishedAt: t,
  },
});
const publish = (version: number): QuestionnaireCommand => ({ type: 'PublishQuestionnaireVersion', version, ...on });
const revise = (version: number, questions: SurveyQuestion[]): QuestionnaireCommand => ({
  type: 'ReviseQuestionnaireDraft',
  version,
  questions,
  ...on,
});
const draft = (questions: SurveyQuestion[]): QuestionnaireCommand => ({
  type: 'DraftQuestionnaireVersion',
  questions,
  ...on,
});

describe('Questionnaire', () => {
  describe('when not created', () => {
    it('is created with its questions as version 1, a draft', () => {
      spec(decider)
        .given([])
        .when(create)
        .then([created, drafted(1, v1)]);
    });

    it.each([
      ['no question', [], 'questions'],
      ['a question id twice', [v1[0], { ...v1[1], questionId: 'q_overall' }], 'questions[1].questionId'],
      ['a commercial stage', [question('q_mall', { stage: 'merchant' })], 'questions[0].stage'],
      [
        'a single choice with one choice',
        [question('q_pick', { type: 'single_choice', choices: [{ code: 'a', label: 'A' }] })],
        'questions[0].choices',
      ],
      [
        'choices with one code twice',
        [
          question('q_pick', {
            type: 'single_choice',
            choices: [
              { code: 'a', label: 'A' },
              { code: 'a', label: 'B' },
            ],
          }),
        ],
        'questions[0].choices',
      ],
      [
        'choices on a rating',
        [
          question('q_rate', {
            choices: [
              { code: 'a', label: 'A' },
              { code: 'b', label: 'B' },
            ],
          }),
        ],
        'questions[0].choices',
      ],
    ])('refuses %s, naming the field', (_label, questions, field) => {
      spec(decider)
        .given([])
        .when({ ...create, questions } as QuestionnaireCommand)
        .thenThrows(QuestionnaireRuleViolated, { questionnaireId, field });
    });

    it.each([publish(1), revise(1, v1), draft(v1)])('refuses $type as not found', (command) => {
      spec(decider).given([]).when(command).thenThrows(QuestionnaireNotFound, { questionnaireId });
    });
  });

  describe('while version 1 is a draft', () => {
    const given = [created, drafted(1, v1)];

    it('takes revised questions', () => {
      spec(decider)
        .given(given)
        .when(revise(1, v2))
        .then([
          { type: 'QuestionnaireDraftRevised', data: { questionnaireId, version: 1, questions: v2, revisedAt: t } },
        ]);
    });

    it('publishes the draft whole, with title and project type', () => {
      spec(decider)
        .given(given)
        .when(publish(1))
        .then([published(1, v1)]);
    });

    it('does not draft another version while one is open, naming its state', () => {
      spec(decider)
        .given(given)
        .when(draft(v2))
        .thenThrows(QuestionnaireTransitionNotAllowed, { currentState: 'draft', allowedStates: ['published'] });
    });

    it('answers a version it does not have as not found', () => {
      spec(decider).given(given).when(publish(2)).thenThrows(QuestionnaireVersionNotFound, { version: 2 });
    });

    it('refuses to be created twice', () => {
      spec(decider)
        .given(given)
        .when(create)
        .thenThrows(QuestionnaireTransitionNotAllowed, { currentState: 'draft', allowedStates: ['not_created'] });
    });
  });

  describe('when version 1 is published', () => {
    const given = [created, drafted(1, v1), published(1, v1)];

    it.each([revise(1, v2), publish(1)])('refuses $type on it: a published version never changes', (command) => {
      spec(decider)
        .given(given)
        .when(command)
        .thenThrows(QuestionnaireVersionPublished, { version: 1, currentState: 'published', publishedAt: t });
    });

    it('drafts version 2, which is revised and published while version 1 stays as it was', () => {
      const revised = [...v2, question('q_staff', { dimension: 'property_services' })];
      const events = [...given, drafted(2, v2)];
      spec(decider)
        .given(events)
        .when(revise(2, revised))
        .then([
          {
            type: 'QuestionnaireDraftRevised',
            data: { questionnaireId, version: 2, questions: revised, revisedAt: t },
          },
        ]);
      const state = fold(decider, [
        ...events,
        { type: 'QuestionnaireDraftRevised', data: { questionnaireId, version: 2, questions: revised, revisedAt: t } },
        published(2, revised),
      ]);
      expect(state).toMatchObject({ status: 'published' });
      expect(publishedVersion(state, 1)?.questions).toEqual(v1);
      expect(publishedVersion(state, 2)?.questions).toEqual(revised);
    });

    it('offers only published versions to waves', () => {
      const state = fold(decider, [...given, drafted(2, v2)]);
      expect(publishedVersion(state, 1)).toMatchObject({ version: 1, status: 'published' });
      expect(publishedVersion(state, 2)).toBeNull();
    });
  });

  describe('its events', () => {
    const choice = question('q_channel', {
      type: 'single_choice',
      dimension: 'complaint_handling',
      choices: [
        { code: 'hotline', label: 'Hotline' },
        { code: 'app', label: 'App' },
      ],
    });

    it('all match the published JSON Schemas', () => {
      const validator = new EventValidator();
      const events = [created, drafted(1, [...v2, choice]), published(1, [...v2, choice])];
      for (const [i, event] of events.entries()) {
        expect({ type: event.type, result: validator.validate(envelopeOf(event, i + 1)) }).toEqual({
          type: event.type,
          result: expect.objectContaining({ valid: true }),
        });
      }
    });

    it('refuse a dimension the contract does not know', () => {
      const odd = drafted(1, [{ ...v1[0], dimension: 'parking' } as unknown as SurveyQuestion]);
      expect(new EventValidator().validate(envelopeOf(odd, 2))).toMatchObject({ valid: false });
    });
  });
});

function envelopeOf(event: QuestionnaireEvent, streamVersion: number) {
  return {
    id: '6a1f7c1e-2b1d-4f3a-9a0e-1c2d3e4f5a6b',
    type: event.type,
    schemaVersion: 1,
    streamId: questionnaireId,
    streamType: 'Questionnaire',
    streamVersion,
    position: String(streamVersion),
    occurredAt: t,
    correlationId: 'c-1',
    causationId: null,
    actor: { type: 'user', id: 'admin-1' },
    data: event.data,
  };
}
