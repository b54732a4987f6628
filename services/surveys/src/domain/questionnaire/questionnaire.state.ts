import type { ProjectType } from '@cx/contracts';
import type { SurveyQuestionV1 } from './questionnaire.events';

export type SurveyQuestion = SurveyQuestionV1;

export interface QuestionnaireVersion {
  version: number;
  status: 'draft' | 'published';
  questions: SurveyQuestion[];
  draftedAt: string;
  publishedAt: string | null;
}

/** What every created questionnaire has: its versions, by number, in order. */
export interface Created {
  questionnaireId: string;
  title: string;
  projectType: ProjectType;
  createdAt: string;
  versions: ReadonlyMap<number, QuestionnaireVersion>;
}

/**
 * not_created → draft ⇄ published. `draft`: a version is open for revision (`draftVersion`), whatever was
 * published before it; `published`: every version is published, and the next change is a new draft version.
 */
export type QuestionnaireState =
  | { status: 'not_created' }
  | ({ status: 'draft'; draftVersion: number } & Created)
  | ({ status: 'published' } & Created);

export type QuestionnaireStatus = QuestionnaireState['status'];
export type CreatedQuestionnaire = Exclude<QuestionnaireState, { status: 'not_created' }>;

/** A published version of the questionnaire, or null when it has no such version or it is still a draft. */
export function publishedVersion(state: QuestionnaireState, version: number): QuestionnaireVersion | null {
  if (state.status === 'not_created') return null;
  const found = state.versions.get(version);
  return found?.status === 'published' ? found : null;
}
