import {
  CHOICE_LABEL_MAX_LENGTH,
  CHOICES_MAX_COUNT,
  PROJECT_TYPES,
  ProjectType,
  QUESTION_TEXT_MAX_LENGTH,
  QUESTION_TYPES,
  QUESTIONNAIRE_TITLE_MAX_LENGTH,
  QUESTIONS_MAX_COUNT,
  QuestionType,
  SURVEY_CODE_PATTERN,
  SURVEY_DIMENSIONS,
  SURVEY_STAGES,
  SurveyDimension,
  SurveyStage,
} from './survey-vocabulary';

export interface SurveyChoiceV1 {
  code: string;
  label: string;
}

/**
 * One question of a questionnaire version: what it asks, how it is answered, the stage of the customer it is
 * asked of and the dimension it measures. `choices` is empty except for single_choice questions.
 */
export interface SurveyQuestionV1 {
  questionId: string;
  text: string;
  type: QuestionType;
  stage: SurveyStage;
  dimension: SurveyDimension;
  required: boolean;
  choices: SurveyChoiceV1[];
}

/**
 * Events of the Questionnaire stream, version 1, published on the surveys topic (key = questionnaire id).
 * Versions count from 1; a draft version may be revised until it is published, and a published one never changes.
 */
export interface QuestionnaireCreatedV1 {
  questionnaireId: string;
  title: string;
  projectType: ProjectType;
  createdAt: string;
}
export interface QuestionnaireVersionDraftedV1 {
  questionnaireId: string;
  version: number;
  questions: SurveyQuestionV1[];
  draftedAt: string;
}
export interface QuestionnaireDraftRevisedV1 {
  questionnaireId: string;
  version: number;
  questions: SurveyQuestionV1[];
  revisedAt: string;
}
/** The version as published, whole: a consumer needs no other event to score its answers. */
export interface QuestionnaireVersionPublishedV1 {
  questionnaireId: string;
  version: number;
  title: string;
  projectType: ProjectType;
  questions: SurveyQuestionV1[];
  publishedAt: string;
}

export type QuestionnaireEvent =
  | { type: 'QuestionnaireCreated'; data: QuestionnaireCreatedV1 }
  | { type: 'QuestionnaireVersionDrafted'; data: QuestionnaireVersionDraftedV1 }
  | { type: 'QuestionnaireDraftRevised'; data: QuestionnaireDraftRevisedV1 }
  | { type: 'QuestionnaireVersionPublished'; data: QuestionnaireVersionPublishedV1 };

export const QUESTIONNAIRE_STREAM_TYPE = 'Questionnaire';

const uuid = { type: 'string', format: 'uuid' } as const;
const timestamp = { type: 'string', format: 'date-time' } as const;
const version = { type: 'integer', minimum: 1 } as const;
const title = { type: 'string', minLength: 1, maxLength: QUESTIONNAIRE_TITLE_MAX_LENGTH } as const;

const question = {
  type: 'object',
  additionalProperties: false,
  required: ['questionId', 'text', 'type', 'stage', 'dimension', 'required', 'choices'],
  properties: {
    questionId: { type: 'string', pattern: SURVEY_CODE_PATTERN },
    text: { type: 'string', minLength: 1, maxLength: QUESTION_TEXT_MAX_LENGTH },
    type: { enum: QUESTION_TYPES },
    stage: { enum: SURVEY_STAGES },
    dimension: { enum: SURVEY_DIMENSIONS },
    required: { type: 'boolean' },
    choices: {
      type: 'array',
      maxItems: CHOICES_MAX_COUNT,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['code', 'label'],
        properties: {
          code: { type: 'string', pattern: SURVEY_CODE_PATTERN },
          label: { type: 'string', minLength: 1, maxLength: CHOICE_LABEL_MAX_LENGTH },
        },
      },
    },
  },
} as const;
const questions = { type: 'array', minItems: 1, maxItems: QUESTIONS_MAX_COUNT, items: question } as const;

function schema(title: string, description: string, properties: Record<string, object>) {
  return {
    title,
    description,
    type: 'object',
    additionalProperties: false,
    required: ['questionnaireId', ...Object.keys(properties)],
    properties: { questionnaireId: uuid, ...properties },
  } as const;
}

export const questionnaireEventSchemas = {
  QuestionnaireCreated: {
    1: schema('QuestionnaireCreated', 'A questionnaire was set up for a project type; its version 1 is a draft.', {
      title,
      projectType: { enum: PROJECT_TYPES },
      createdAt: timestamp,
    }),
  },
  QuestionnaireVersionDrafted: {
    1: schema('QuestionnaireVersionDrafted', 'A new version of the questionnaire was drafted.', {
      version,
      questions,
      draftedAt: timestamp,
    }),
  },
  QuestionnaireDraftRevised: {
    1: schema('QuestionnaireDraftRevised', 'The draft version’s questions were replaced; it is still a draft.', {
      version,
      questions,
      revisedAt: timestamp,
    }),
  },
  QuestionnaireVersionPublished: {
    1: schema(
      'QuestionnaireVersionPublished',
      'A version was published, whole: waves may use it, and it never changes again.',
      { version, title, projectType: { enum: PROJECT_TYPES }, questions, publishedAt: timestamp },
    ),
  },
} as const;
