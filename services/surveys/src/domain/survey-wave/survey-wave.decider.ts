import {
  SAMPLE_MEMBERS_PER_EVENT,
  SAMPLING_ALGORITHM,
  SAMPLING_STRATA_MAX_COUNT,
  STAGES_BY_PROJECT_TYPE,
  SURVEY_LINKS_PER_EVENT,
} from '@cx/contracts';
import type { Decider } from '@cx/domain';
import { QuestionnaireNotFound } from '../questionnaire/questionnaire.errors';
import { publishedVersion } from '../questionnaire/questionnaire.state';
import { drawSample } from '../sampling/sampler';
import { frameDigest, frameEntryProblem, frameStrata, stratumKey, subjectsDigest } from '../sampling/sampling-frame';
import { monthsBefore } from '../survey-calendar';
import type { SurveyWaveCommand } from './survey-wave.commands';
import {
  SamplingFrameAltered,
  SurveyWaveNotFound,
  SurveyWaveRuleViolated,
  SurveyWaveTransitionNotAllowed,
} from './survey-wave.errors';
import type { SurveyWaveEvent } from './survey-wave.events';
import type { SurveyWaveState, SurveyWaveStatus } from './survey-wave.state';

type In<S extends SurveyWaveStatus> = Extract<SurveyWaveState, { status: S }>;

/** The wave must exist and be in one of the allowed states, or the command is refused naming the state. */
export function requireWaveIn<S extends SurveyWaveStatus>(
  state: SurveyWaveState,
  waveId: string,
  command: string,
  allowed: readonly S[],
): In<S> {
  if (state.status === 'not_planned') throw new SurveyWaveNotFound(waveId);
  if (!(allowed as readonly SurveyWaveStatus[]).includes(state.status)) {
    throw new SurveyWaveTransitionNotAllowed(waveId, command, state.status, allowed);
  }
  return state as In<S>;
}

function inParts<T>(items: readonly T[], size: number): T[][] {
  const parts: T[][] = [];
  for (let i = 0; i < items.length; i += size) parts.push(items.slice(i, i + size));
  return parts;
}

function decide(command: SurveyWaveCommand, state: SurveyWaveState): SurveyWaveEvent[] {
  const { waveId } = command;
  const now = command.now.toISOString();
  const refuse = (field: string, rule: string, details: Record<string, unknown> = {}) =>
    new SurveyWaveRuleViolated(waveId, field, rule, details);
  switch (command.type) {
    case 'PlanSurveyWave': {
      if (state.status !== 'not_planned') {
        throw new SurveyWaveTransitionNotAllowed(waveId, command.type, state.status, ['not_planned']);
      }
      const { period, projectType, questionnaireId, questionnaireVersion, fatigueMonths, questionnaire } = command;
      if (questionnaire.status === 'not_created') throw new QuestionnaireNotFound(questionnaireId);
      if (!publishedVersion(questionnaire, questionnaireVersion)) {
        throw refuse('questionnaireVersion', `version ${questionnaireVersion} of the questionnaire is not published`);
      }
      if (questionnaire.projectType !== projectType) {
        throw refuse(
          'projectType',
          `the questionnaire is for ${questionnaire.projectType} projects, not ${projectType}`,
        );
      }
      return [
        {
          type: 'SurveyWavePlanned',
          data: { waveId, period, projectType, questionnaireId, questionnaireVersion, fatigueMonths, plannedAt: now },
        },
      ];
    }
    case 'LoadSamplingFrame': {
      const wave = requireWaveIn(state, waveId, command.type, ['planned', 'framed']);
      if (command.entries.length === 0) throw refuse('frame', 'a sampling frame needs at least one customer');
      const firstRowOf = new Map<string, number>();
      command.entries.forEach((entry, i) => {
        const problem = frameEntryProblem(entry, i + 1, wave.details.projectType, firstRowOf);
        if (problem) throw refuse(problem.field ?? 'frame', problem.detail, { subjectId: entry.subjectId });
        firstRowOf.set(entry.subjectId, i + 1);
      });
      const strata = frameStrata(command.entries);
      if (strata.length > SAMPLING_STRATA_MAX_COUNT) {
        throw refuse(
          'frame',
          `at most ${SAMPLING_STRATA_MAX_COUNT} projects × stages in one frame, not ${strata.length}`,
        );
      }
      return [
        {
          type: 'SamplingFrameLoaded',
          data: {
            waveId,
            frameDigest: frameDigest(command.entries),
            customers: command.entries.length,
            strata,
            loadedAt: now,
          },
        },
      ];
    }
    case 'DrawSample': {
      const wave = requireWaveIn(state, waveId, command.type, ['framed']);
      const stored = frameDigest(command.frame);
      if (stored !== wave.frame.frameDigest) throw new SamplingFrameAltered(waveId, wave.frame.frameDigest, stored);
      if (command.quotas.length === 0) throw refuse('quotas', 'a draw needs at least one quota');
      const stages = STAGES_BY_PROJECT_TYPE[wave.details.projectType];
      const seen = new Set<string>();
      command.quotas.forEach(({ project, stage }, i) => {
        if (!stages.includes(stage)) {
          throw refuse(
            `quotas[${i}].stage`,
            `a ${wave.details.projectType} wave surveys ${stages.join(', ')}; not ${stage}`,
          );
        }
        const key = stratumKey(project, stage);
        if (seen.has(key)) throw refuse(`quotas[${i}]`, `${project} / ${stage} has a quota already`);
        seen.add(key);
      });
      const { fatigueMonths, period } = wave.details;
      const { seed, frame, recentlySurveyed } = command;
      const draw = drawSample(frame, command.quotas, seed, recentlySurveyed);
      if (draw.members.length === 0) {
        throw refuse('quotas', 'the quotas draw nobody from this frame', { strata: draw.strata });
      }
      const parts = inParts(draw.members, SAMPLE_MEMBERS_PER_EVENT);
      return [
        {
          type: 'SurveySampleDrawn',
          data: {
            waveId,
            algorithm: SAMPLING_ALGORITHM,
            seed,
            frameDigest: stored,
            fatigueMonths,
            fatigueFrom: monthsBefore(period, fatigueMonths),
            fatigueDigest: subjectsDigest(recentlySurveyed),
            skippedForFatigue: draw.skippedForFatigue,
            strata: draw.strata,
            sampleSize: draw.members.length,
            sampleDigest: draw.sampleDigest,
            parts: parts.length,
            drawnAt: now,
          },
        },
        ...parts.map((members, i): SurveyWaveEvent => ({
          type: 'SurveySampleMembersListed',
          data: { waveId, part: i + 1, members },
        })),
      ];
    }
    case 'IssueSurveyLinks': {
      const wave = requireWaveIn(state, waveId, command.type, ['in_field']);
      if (command.links.length === 0) throw refuse('subjectIds', 'name at least one sampled customer');
      const named = new Set<string>();
      for (const { subjectId } of command.links) {
        if (!wave.sample.has(subjectId)) {
          throw refuse('subjectIds', `${subjectId} is not in the wave's sample`, { subjectId });
        }
        if (named.has(subjectId)) throw refuse('subjectIds', `${subjectId} is named twice`, { subjectId });
        named.add(subjectId);
      }
      const expiresAt = command.expiresAt.toISOString();
      const links = command.links
        .filter((link) => !wave.linked.has(link.subjectId))
        .map(({ linkId, subjectId }) => ({ linkId, subjectId, expiresAt }));
      return inParts(links, SURVEY_LINKS_PER_EVENT).map((part) => ({
        type: 'SurveyLinksIssued',
        data: { waveId, issueId: command.issueId, links: part, issuedAt: now },
      }));
    }
    case 'CloseSurveyWave':
      requireWaveIn(state, waveId, command.type, ['in_field']);
      return [{ type: 'SurveyWaveClosed', data: { waveId, closedAt: now } }];

    default:
      return exhaustive(command);
  }
}

function evolve(state: SurveyWaveState, event: SurveyWaveEvent): SurveyWaveState {
  switch (event.type) {
    case 'SurveyWavePlanned':
      return { status: 'planned', waveId: event.data.waveId, details: event.data };
    case 'SamplingFrameLoaded':
      if (state.status !== 'planned' && state.status !== 'framed') return state;
      return { status: 'framed', waveId: state.waveId, details: state.details, frame: event.data };
    case 'SurveySampleDrawn':
      if (state.status !== 'framed') return state;
      return { ...state, status: 'in_field', draw: event.data, sample: new Map(), linked: new Set() };
    case 'SurveySampleMembersListed': {
      if (state.status !== 'in_field') return state;
      const sample = new Map(state.sample);
      for (const member of event.data.members) sample.set(member.subjectId, member);
      return { ...state, sample };
    }
    case 'SurveyLinksIssued': {
      if (state.status !== 'in_field') return state;
      return { ...state, linked: new Set([...state.linked, ...event.data.links.map((l) => l.subjectId)]) };
    }
    case 'SurveyWaveClosed':
      if (state.status !== 'in_field') return state;
      return { ...state, status: 'closed', closedAt: event.data.closedAt };
    default:
      return exhaustive(event);
  }
}

function exhaustive(value: never): never {
  throw new Error(`Unhandled: ${JSON.stringify(value)}`);
}

export const surveyWaveDecider: Decider<SurveyWaveCommand, SurveyWaveEvent, SurveyWaveState> = {
  initialState: () => ({ status: 'not_planned' }),
  decide,
  evolve,
};
