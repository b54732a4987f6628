import { FREE_TEXT_MAX_LENGTH, RATING_SCALES, SurveyAnswerV1, SurveyDimension, SurveyStage } from '@cx/contracts';
import {
  publishedVersion,
  QuestionnaireState,
  QuestionnaireVersion,
  SurveyQuestion,
} from '../questionnaire/questionnaire.state';
import type { DrawnWave } from '../survey-wave/survey-wave.state';
import type { GivenAnswer } from './survey-response.commands';

/** What every response of a request is checked against: the wave, its questionnaire version and the time. */
export interface ResponseContext {
  wave: DrawnWave;
  version: QuestionnaireVersion;
  questions: ReadonlyMap<string, SurveyQuestion>;
  /** The other versions of the questionnaire that have a question, to say where a stray answer belongs. */
  versionsWith: (questionId: string) => number[];
  /** ISO 8601. */
  now: string;
}

export function responseContext(wave: DrawnWave, questionnaire: QuestionnaireState, now: Date): ResponseContext {
  const version = publishedVersion(questionnaire, wave.details.questionnaireVersion);
  // A wave is planned with a published version, and a published version never changes.
  if (questionnaire.status === 'not_created' || !version) {
    throw new Error(`Wave ${wave.waveId} has no published questionnaire version ${wave.details.questionnaireVersion}`);
  }
  const versions = [...questionnaire.versions.values()];
  return {
    wave,
    version,
    questions: new Map(version.questions.map((q) => [q.questionId, q])),
    versionsWith: (questionId) =>
      versions.filter((v) => v.questions.some((q) => q.questionId === questionId)).map((v) => v.version),
    now: now.toISOString(),
  };
}

export interface AnswerProblem {
  reason: string;
  field: 'questionId' | 'value';
  detail: string;
}

/** Why one answer cannot stand: a question of its version and of the respondent's stage, a value of its type. */
export function answerProblem(
  answer: GivenAnswer,
  stage: SurveyStage,
  context: ResponseContext,
  answered: ReadonlySet<string>,
): AnswerProblem | null {
  const { questionId, value } = answer;
  const question = context.questions.get(questionId);
  const version = context.version.version;
  if (!question) {
    const elsewhere = context.versionsWith(questionId);
    const where = elsewhere.length > 0 ? `it is in version ${elsewhere.join(', ')}` : 'no version has it';
    return {
      reason: 'question_not_in_version',
      field: 'questionId',
      detail: `${questionId} is not a question of version ${version}, which this wave uses; ${where}`,
    };
  }
  if (answered.has(questionId)) {
    return { reason: 'question_answered_twice', field: 'questionId', detail: `${questionId} is answered twice` };
  }
  if (question.stage !== stage) {
    return {
      reason: 'question_not_for_stage',
      field: 'questionId',
      detail: `${questionId} is asked in the ${question.stage} stage; the respondent is in ${stage}`,
    };
  }
  const invalid = (detail: string): AnswerProblem => ({ reason: 'invalid_answer_value', field: 'value', detail });
  switch (question.type) {
    case 'rating_1_5':
    case 'rating_0_10': {
      const { min, max } = RATING_SCALES[question.type];
      if (typeof value !== 'number' || !Number.isInteger(value)) return invalid(`${questionId} takes a whole number`);
      if (value < min || value > max) {
        return {
          reason: 'rating_out_of_range',
          field: 'value',
          detail: `${questionId} is rated ${min} to ${max}; not ${value}`,
        };
      }
      return null;
    }
    case 'yes_no':
      return typeof value === 'boolean' ? null : invalid(`${questionId} takes true or false`);
    case 'single_choice': {
      const codes = question.choices.map((c) => c.code);
      if (typeof value === 'string' && codes.includes(value)) return null;
      return {
        reason: 'unknown_choice',
        field: 'value',
        detail: `${questionId} takes one of ${codes.join(', ')}`,
      };
    }
    case 'free_text':
      if (typeof value === 'string' && value.trim().length > 0 && value.length <= FREE_TEXT_MAX_LENGTH) return null;
      return invalid(`${questionId} takes text of 1 to ${FREE_TEXT_MAX_LENGTH} characters`);
    default:
      return exhaustive(question.type);
  }
}

/**
 * The answers as events carry them: scored, with dimension and stage; free text only flagged, with the dimensions
 * of its questions (what it was about, never what it says).
 */
export function scoredAnswers(
  given: readonly GivenAnswer[],
  version: QuestionnaireVersion,
): { answers: SurveyAnswerV1[]; hasFreeText: boolean; freeTextDimensions: SurveyDimension[] } {
  const questions = new Map(version.questions.map((q) => [q.questionId, q]));
  const answers: SurveyAnswerV1[] = [];
  const freeTextDimensions = new Set<SurveyDimension>();
  for (const { questionId, value } of given) {
    const { type, dimension, stage } = questions.get(questionId)!;
    if (type === 'free_text') freeTextDimensions.add(dimension);
    else answers.push({ questionId, dimension, stage, type, value: value as SurveyAnswerV1['value'] });
  }
  return { answers, hasFreeText: freeTextDimensions.size > 0, freeTextDimensions: [...freeTextDimensions].sort() };
}

/** The free-text answers of a response, which stay in the surveys database. */
export function freeTextAnswers(
  given: readonly GivenAnswer[],
  version: QuestionnaireVersion,
): { questionId: string; text: string }[] {
  const freeText = new Set(version.questions.filter((q) => q.type === 'free_text').map((q) => q.questionId));
  return given
    .filter((a) => freeText.has(a.questionId))
    .map((a) => ({ questionId: a.questionId, text: String(a.value) }));
}

function exhaustive(value: never): never {
  throw new Error(`Unhandled: ${JSON.stringify(value)}`);
}
