import type { Decider } from '@cx/domain';
import type { QuestionnaireVersion } from '../questionnaire/questionnaire.state';
import type { RowRejection } from '../row-rejection';
import { requireWaveIn } from '../survey-wave/survey-wave.decider';
import type { DrawnWave } from '../survey-wave/survey-wave.state';
import { answerProblem, freeTextAnswers, ResponseContext, responseContext, scoredAnswers } from './response-rules';
import type {
  RecordSurveyResponses,
  ResponseToRecord,
  SurveyCase,
  SurveyLinkUse,
  SurveyResponseSubmissionCommand,
} from './survey-response.commands';
import {
  SurveyCaseClosed,
  SurveyLinkAlreadyUsed,
  SurveyLinkExpired,
  SurveyResponseRefused,
  SurveyResponseSubmissionAlreadyRecorded,
} from './survey-response.errors';
import type { SurveyResponseRecordedV1, SurveyResponseSubmissionEvent } from './survey-response.events';
import type { SurveyResponseSubmissionState } from './survey-response.state';

/** A complete response, a refusal or an ineligible customer closes the case: no outcome follows it. */
const CLOSING = new Set(['complete', 'refusal', 'ineligible']);
const CASE_CLOSED_REASONS = new Set(['already_completed', 'case_closed']);

/** The case after one more outcome: its disposition, the most attempts reported, one outcome more. */
export function caseAfter(before: SurveyCase | undefined, response: ResponseToRecord): SurveyCase {
  return {
    disposition: response.disposition,
    attempts: Math.max(before?.attempts ?? 0, response.attempts),
    outcomes: (before?.outcomes ?? 0) + 1,
  };
}

/** A link answers once, until it expires; past its expiry it is gone, used or not. */
export function requireLinkOpen(link: SurveyLinkUse, now: Date): void {
  if (now.toISOString() >= link.expiresAt) throw new SurveyLinkExpired(link.linkId, link.expiresAt);
  if (link.usedAt !== null) throw new SurveyLinkAlreadyUsed(link.linkId, link.usedAt);
}

/**
 * Responses are recorded while the wave is in the field, against its questionnaire version. A response through
 * a survey link needs the link unused and unexpired; the whole request is refused otherwise.
 */
function recordingContext(command: RecordSurveyResponses): ResponseContext {
  const wave = requireWaveIn(command.wave, command.waveId, command.type, ['in_field']);
  if (command.link) requireLinkOpen(command.link, command.now);
  return responseContext(wave, command.questionnaire, command.now);
}

/** Why a response cannot be recorded, or null when it can: the rules of the wave, its case and its answers. */
export function responseProblem(
  response: ResponseToRecord,
  context: ResponseContext,
  cases: ReadonlyMap<string, SurveyCase>,
): RowRejection | null {
  const { row, subjectId, disposition, answers } = response;
  const { wave } = context;
  const refuse = (reason: string, field: string | null, detail: string): RowRejection => ({
    row,
    subjectId,
    reason,
    field,
    detail,
  });
  if ((subjectId === null) === (response.site === null)) {
    return refuse('respondent_unclear', 'subjectId', 'name the sampled customer, or for an intercept the site');
  }
  if (subjectId === null) {
    if (wave.details.projectType !== 'commercial') {
      return refuse('intercept_not_commercial', 'site', 'intercept interviews are for commercial projects');
    }
    if (!['complete', 'partial', 'refusal'].includes(disposition)) {
      return refuse('disposition_not_for_intercept', 'disposition', `an intercept is complete, partial or a refusal`);
    }
  } else {
    if (!wave.sample.has(subjectId)) {
      return refuse('not_in_sample', 'subjectId', `${subjectId} is not in the sample of wave ${wave.waveId}`);
    }
    const current = cases.get(subjectId);
    if (current?.disposition === 'complete') {
      return refuse('already_completed', 'subjectId', `${subjectId} has a complete response in this wave already`);
    }
    if (current && CLOSING.has(current.disposition)) {
      return refuse('case_closed', 'subjectId', `${subjectId}'s case is closed as ${current.disposition}`);
    }
  }
  if (response.respondedAt > context.now) {
    return refuse('in_the_future', 'respondedAt', `${response.respondedAt} is after now (${context.now})`);
  }
  const interviewed = disposition === 'complete' || disposition === 'partial';
  if (!interviewed && answers.length > 0) {
    return refuse('answers_not_expected', 'answers', `a ${disposition} has no answers`);
  }
  if (interviewed && answers.length === 0) {
    return refuse('answers_missing', 'answers', `a ${disposition} response has answers`);
  }
  const stage = subjectId === null ? 'consumer' : wave.sample.get(subjectId)!.stage;
  const answered = new Set<string>();
  for (const [i, answer] of answers.entries()) {
    const problem = answerProblem(answer, stage, context, answered);
    if (problem) return refuse(problem.reason, `answers[${i}].${problem.field}`, problem.detail);
    answered.add(answer.questionId);
  }
  if (disposition === 'complete') {
    const missing = context.version.questions
      .filter((q) => q.required && q.stage === stage && !answered.has(q.questionId))
      .map((q) => q.questionId);
    if (missing.length > 0) {
      return refuse('required_question_unanswered', 'answers', `a complete response answers ${missing.join(', ')}`);
    }
  }
  return null;
}

/** The free-text answers of the command's responses, which stay in the surveys database. */
export function freeTextsOf(
  command: RecordSurveyResponses,
): { responseId: string; subjectId: string | null; questionId: string; text: string }[] {
  const { version } = recordingContext(command);
  return command.responses.flatMap(({ responseId, subjectId, answers }) =>
    freeTextAnswers(answers, version).map((answer) => ({ responseId, subjectId, ...answer })),
  );
}

/**
 * A vendor's batch keeps its good rows: the responses that can be recorded, taken in order (a later row for the
 * same customer sees the earlier one), and why each other one cannot. The wave must be in the field, or the
 * whole batch is refused as a single response would be.
 */
export function triageResponses(command: RecordSurveyResponses): {
  acceptable: ResponseToRecord[];
  rejections: RowRejection[];
} {
  const context = recordingContext(command);
  const cases = new Map(command.cases);
  const acceptable: ResponseToRecord[] = [];
  const rejections: RowRejection[] = [];
  for (const response of command.responses) {
    const problem = responseProblem(response, context, cases);
    if (problem) {
      rejections.push(problem);
      continue;
    }
    acceptable.push(response);
    if (response.subjectId !== null) cases.set(response.subjectId, caseAfter(cases.get(response.subjectId), response));
  }
  return { acceptable, rejections };
}

function recorded(
  command: RecordSurveyResponses,
  response: ResponseToRecord,
  wave: DrawnWave,
  version: QuestionnaireVersion,
  after: SurveyCase,
): SurveyResponseRecordedV1 {
  const { subjectId } = response;
  const member = subjectId === null ? null : wave.sample.get(subjectId)!;
  const { answers, hasFreeText, freeTextDimensions } = scoredAnswers(response.answers, version);
  return {
    submissionId: command.submissionId,
    responseId: response.responseId,
    waveId: command.waveId,
    period: wave.details.period,
    projectType: wave.details.projectType,
    questionnaireId: wave.details.questionnaireId,
    questionnaireVersion: version.version,
    subjectId,
    project: member?.project ?? response.site!.project,
    region: member?.region ?? response.site!.region,
    stage: member?.stage ?? 'consumer',
    channel: response.channel,
    disposition: response.disposition,
    attempts: after.attempts,
    outcomeSequence: after.outcomes,
    answers,
    hasFreeText,
    freeTextDimensions,
    interviewerId: response.interviewerId,
    linkId: response.linkId,
    respondedAt: response.respondedAt,
    recordedAt: command.now.toISOString(),
  };
}

function decide(
  command: SurveyResponseSubmissionCommand,
  state: SurveyResponseSubmissionState,
): SurveyResponseSubmissionEvent[] {
  switch (command.type) {
    case 'RecordSurveyResponses': {
      if (state.status !== 'not_submitted') throw new SurveyResponseSubmissionAlreadyRecorded(command.submissionId);
      const context = recordingContext(command);
      const cases = new Map(command.cases);
      return command.responses.map((response) => {
        const problem = responseProblem(response, context, cases);
        if (problem && CASE_CLOSED_REASONS.has(problem.reason)) {
          throw new SurveyCaseClosed(command.waveId, problem, cases.get(response.subjectId!)!.disposition);
        }
        if (problem) throw new SurveyResponseRefused(command.waveId, problem);
        const before = response.subjectId === null ? undefined : cases.get(response.subjectId);
        const after = caseAfter(before, response);
        if (response.subjectId !== null) cases.set(response.subjectId, after);
        return {
          type: 'SurveyResponseRecorded',
          data: recorded(command, response, context.wave, context.version, after),
        };
      });
    }
    default:
      return exhaustive(command.type);
  }
}

function evolve(
  state: SurveyResponseSubmissionState,
  event: SurveyResponseSubmissionEvent,
): SurveyResponseSubmissionState {
  switch (event.type) {
    case 'SurveyResponseRecorded': {
      const { submissionId, waveId } = event.data;
      const responses = state.status === 'submitted' ? state.responses : [];
      return { status: 'submitted', submissionId, waveId, responses: [...responses, event.data] };
    }
    default:
      return exhaustive(event.type);
  }
}

function exhaustive(value: never): never {
  throw new Error(`Unhandled: ${JSON.stringify(value)}`);
}

export const surveyResponseSubmissionDecider: Decider<
  SurveyResponseSubmissionCommand,
  SurveyResponseSubmissionEvent,
  SurveyResponseSubmissionState
> = {
  initialState: () => ({ status: 'not_submitted' }),
  decide,
  evolve,
};
