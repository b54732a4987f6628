import type { ProjectType } from '@cx/contracts';
import type { SurveyQuestion } from './questionnaire.state';

/** Every command names its questionnaire and arrives with `now`: the decider has no clock of its own. */
interface OnQuestionnaire {
  questionnaireId: string;
  now: Date;
}

export interface CreateQuestionnaire extends OnQuestionnaire {
  type: 'CreateQuestionnaire';
  title: string;
  projectType: ProjectType;
  questions: SurveyQuestion[];
}

/** The next version, drafted once every earlier one is published. */
export interface DraftQuestionnaireVersion extends OnQuestionnaire {
  type: 'DraftQuestionnaireVersion';
  questions: SurveyQuestion[];
}

export interface ReviseQuestionnaireDraft extends OnQuestionnaire {
  type: 'ReviseQuestionnaireDraft';
  version: number;
  questions: SurveyQuestion[];
}

export interface PublishQuestionnaireVersion extends OnQuestionnaire {
  type: 'PublishQuestionnaireVersion';
  version: number;
}

export type QuestionnaireCommand =
  CreateQuestionnaire | DraftQuestionnaireVersion | ReviseQuestionnaireDraft | PublishQuestionnaireVersion;
