import { ProjectType, STAGES_BY_PROJECT_TYPE } from '@cx/contracts';
import type { Decider } from '@cx/domain';
import type { QuestionnaireCommand } from './questionnaire.commands';
import {
  QuestionnaireNotFound,
  QuestionnaireRuleViolated,
  QuestionnaireTransitionNotAllowed,
  QuestionnaireVersionNotFound,
  QuestionnaireVersionPublished,
} from './questionnaire.errors';
import type { QuestionnaireEvent } from './questionnaire.events';
import type {
  CreatedQuestionnaire,
  QuestionnaireState,
  QuestionnaireVersion,
  SurveyQuestion,
} from './questionnaire.state';

/**
 * The rules of a version's questions: ids unique, each asked of a stage of the questionnaire's project type,
 * single_choice questions with at least two choices of distinct codes, and no choices on any other type.
 */
function checkQuestions(questionnaireId: string, projectType: ProjectType, questions: readonly SurveyQuestion[]): void {
  const refuse = (field: string, rule: string) => new QuestionnaireRuleViolated(questionnaireId, field, rule);
  if (questions.length === 0) throw refuse('questions', 'a version needs at least one question');
  const stages = STAGES_BY_PROJECT_TYPE[projectType];
  const seen = new Set<string>();
  questions.forEach((question, i) => {
    const at = `questions[${i}]`;
    if (seen.has(question.questionId)) {
      throw refuse(`${at}.questionId`, `${question.questionId} appears more than once`);
    }
    seen.add(question.questionId);
    if (!stages.includes(question.stage)) {
      throw refuse(
        `${at}.stage`,
        `${projectType} projects survey the stages ${stages.join(', ')}; not ${question.stage}`,
      );
    }
    const codes = new Set(question.choices.map((c) => c.code));
    if (question.type === 'single_choice') {
      if (question.choices.length < 2)
        throw refuse(`${at}.choices`, 'a single_choice question needs two choices or more');
      if (codes.size !== question.choices.length) throw refuse(`${at}.choices`, 'choice codes must be distinct');
    } else if (question.choices.length > 0) {
      throw refuse(`${at}.choices`, `only single_choice questions have choices, not ${question.type}`);
    }
  });
}

function requireCreated(state: QuestionnaireState, questionnaireId: string): CreatedQuestionnaire {
  if (state.status === 'not_created') throw new QuestionnaireNotFound(questionnaireId);
  return state;
}

/** The version a revision or publication names: it must exist and still be a draft. */
function requireDraft(state: CreatedQuestionnaire, command: QuestionnaireCommand & { version: number }) {
  const found = state.versions.get(command.version);
  if (!found) throw new QuestionnaireVersionNotFound(command.questionnaireId, command.version);
  if (found.status === 'published') {
    throw new QuestionnaireVersionPublished(command.questionnaireId, command.type, found.version, found.publishedAt);
  }
  return found;
}

function decide(command: QuestionnaireCommand, state: QuestionnaireState): QuestionnaireEvent[] {
  const { questionnaireId } = command;
  const now = command.now.toISOString();
  switch (command.type) {
    case 'CreateQuestionnaire': {
      if (state.status !== 'not_created') {
        throw new QuestionnaireTransitionNotAllowed(questionnaireId, command.type, state.status, ['not_created']);
      }
      const { title, projectType, questions } = command;
      checkQuestions(questionnaireId, projectType, questions);
      return [
        { type: 'QuestionnaireCreated', data: { questionnaireId, title, projectType, createdAt: now } },
        { type: 'QuestionnaireVersionDrafted', data: { questionnaireId, version: 1, questions, draftedAt: now } },
      ];
    }
    case 'DraftQuestionnaireVersion': {
      const created = requireCreated(state, questionnaireId);
      if (created.status === 'draft') {
        throw new QuestionnaireTransitionNotAllowed(questionnaireId, command.type, 'draft', ['published']);
      }
      checkQuestions(questionnaireId, created.projectType, command.questions);
      const version = created.versions.size + 1;
      return [
        {
          type: 'QuestionnaireVersionDrafted',
          data: { questionnaireId, version, questions: command.questions, draftedAt: now },
        },
      ];
    }
    case 'ReviseQuestionnaireDraft': {
      const created = requireCreated(state, questionnaireId);
      const { version } = requireDraft(created, command);
      checkQuestions(questionnaireId, created.projectType, command.questions);
      return [
        {
          type: 'QuestionnaireDraftRevised',
          data: { questionnaireId, version, questions: command.questions, revisedAt: now },
        },
      ];
    }
    case 'PublishQuestionnaireVersion': {
      const created = requireCreated(state, questionnaireId);
      const { version, questions } = requireDraft(created, command);
      const { title, projectType } = created;
      return [
        {
          type: 'QuestionnaireVersionPublished',
          data: { questionnaireId, version, title, projectType, questions, publishedAt: now },
        },
      ];
    }
    default:
      return exhaustive(command);
  }
}

function withVersion(state: CreatedQuestionnaire, version: QuestionnaireVersion): Map<number, QuestionnaireVersion> {
  return new Map(state.versions).set(version.version, version);
}

function evolve(state: QuestionnaireState, event: QuestionnaireEvent): QuestionnaireState {
  switch (event.type) {
    case 'QuestionnaireCreated': {
      // Always followed by the QuestionnaireVersionDrafted of version 1, in the same append.
      const { questionnaireId, title, projectType, createdAt } = event.data;
      return { status: 'draft', draftVersion: 1, questionnaireId, title, projectType, createdAt, versions: new Map() };
    }
    case 'QuestionnaireVersionDrafted': {
      if (state.status === 'not_created') return state;
      const { version, questions, draftedAt } = event.data;
      const versions = withVersion(state, { version, status: 'draft', questions, draftedAt, publishedAt: null });
      return { ...state, status: 'draft', draftVersion: version, versions };
    }
    case 'QuestionnaireDraftRevised': {
      const draft = state.status === 'not_created' ? undefined : state.versions.get(event.data.version);
      if (state.status === 'not_created' || !draft) return state;
      return { ...state, versions: withVersion(state, { ...draft, questions: event.data.questions }) };
    }
    case 'QuestionnaireVersionPublished': {
      const draft = state.status === 'not_created' ? undefined : state.versions.get(event.data.version);
      if (state.status === 'not_created' || !draft) return state;
      const { questionnaireId, title, projectType, createdAt } = state;
      const versions = withVersion(state, { ...draft, status: 'published', publishedAt: event.data.publishedAt });
      return { status: 'published', questionnaireId, title, projectType, createdAt, versions };
    }
    default:
      return exhaustive(event);
  }
}

function exhaustive(value: never): never {
  throw new Error(`Unhandled: ${JSON.stringify(value)}`);
}

export const questionnaireDecider: Decider<QuestionnaireCommand, QuestionnaireEvent, QuestionnaireState> = {
  initialState: () => ({ status: 'not_created' }),
  decide,
  evolve,
};
