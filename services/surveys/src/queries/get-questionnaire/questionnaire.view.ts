import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  PROJECT_TYPES,
  ProjectType,
  QUESTION_TYPES,
  QuestionType,
  SURVEY_DIMENSIONS,
  SURVEY_STAGES,
  SurveyDimension,
  SurveyStage,
} from '@cx/contracts';
import type { CreatedQuestionnaire } from '../../domain/questionnaire/questionnaire.state';

export class SurveyChoiceView {
  @ApiProperty() code: string;
  @ApiProperty() label: string;
}

export class SurveyQuestionView {
  @ApiProperty() questionId: string;
  @ApiProperty() text: string;
  @ApiProperty({ enum: QUESTION_TYPES }) type: QuestionType;
  @ApiProperty({ enum: SURVEY_STAGES }) stage: SurveyStage;
  @ApiProperty({ enum: SURVEY_DIMENSIONS }) dimension: SurveyDimension;
  @ApiProperty() required: boolean;
  @ApiProperty({ type: [SurveyChoiceView] }) choices: SurveyChoiceView[];
}

export class QuestionnaireVersionView {
  @ApiProperty({ minimum: 1 }) version: number;
  @ApiProperty({ enum: ['draft', 'published'] }) status: 'draft' | 'published';
  @ApiProperty({ type: [SurveyQuestionView] }) questions: SurveyQuestionView[];
  @ApiProperty({ format: 'date-time' }) draftedAt: string;
  @ApiPropertyOptional({ format: 'date-time' }) publishedAt?: string;
}

/** A questionnaire as the API shows it; `version` is its stream's (also the ETag), not a questionnaire version. */
export class QuestionnaireView {
  @ApiProperty({ format: 'uuid' }) questionnaireId: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: PROJECT_TYPES }) projectType: ProjectType;
  @ApiProperty({ enum: ['draft', 'published'], description: 'draft while a version is open for revision' })
  status: 'draft' | 'published';
  @ApiProperty({ type: [QuestionnaireVersionView] }) versions: QuestionnaireVersionView[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ minimum: 1 }) version: number;
}

export function toQuestionnaireView(state: CreatedQuestionnaire, version: number): QuestionnaireView {
  const { questionnaireId, title, projectType, status, createdAt } = state;
  return {
    questionnaireId,
    title,
    projectType,
    status,
    versions: [...state.versions.values()].map((v) => ({
      version: v.version,
      status: v.status,
      questions: v.questions,
      draftedAt: v.draftedAt,
      ...(v.publishedAt ? { publishedAt: v.publishedAt } : {}),
    })),
    createdAt,
    version,
  };
}
