import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CHOICE_LABEL_MAX_LENGTH,
  CHOICES_MAX_COUNT,
  QUESTION_TEXT_MAX_LENGTH,
  QUESTION_TYPES,
  QUESTIONS_MAX_COUNT,
  QuestionType,
  SURVEY_CODE_PATTERN,
  SURVEY_DIMENSIONS,
  SURVEY_STAGES,
  SurveyDimension,
  SurveyQuestionV1,
  SurveyStage,
} from '@cx/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';

const code = (what: string) =>
  Matches(new RegExp(SURVEY_CODE_PATTERN), { message: `$property must be ${what} (a-z, 0-9, _)` });

export class SurveyChoiceRequest {
  @ApiProperty({ example: 'fixed_first_visit' }) @IsString() @code('a choice code') code: string;

  @ApiProperty({ maxLength: CHOICE_LABEL_MAX_LENGTH, example: 'Fixed on the first visit' })
  @IsString()
  @Length(1, CHOICE_LABEL_MAX_LENGTH)
  label: string;
}

export class SurveyQuestionRequest {
  @ApiProperty({ example: 'q_repair_speed', description: 'Unique in the version; answers name it' })
  @IsString()
  @code('a question id')
  questionId: string;

  @ApiProperty({ maxLength: QUESTION_TEXT_MAX_LENGTH, example: 'How satisfied are you with the speed of repairs?' })
  @IsString()
  @Length(1, QUESTION_TEXT_MAX_LENGTH)
  text: string;

  @ApiProperty({ enum: QUESTION_TYPES }) @IsIn(QUESTION_TYPES) type: QuestionType;

  @ApiProperty({ enum: SURVEY_STAGES, description: 'The stage of the customers it is asked of; of the project type' })
  @IsIn(SURVEY_STAGES)
  stage: SurveyStage;

  @ApiProperty({ enum: SURVEY_DIMENSIONS }) @IsIn(SURVEY_DIMENSIONS) dimension: SurveyDimension;

  @ApiProperty({ description: 'A complete response answers every required question of its stage' })
  @IsBoolean()
  required: boolean;

  @ApiPropertyOptional({ type: [SurveyChoiceRequest], description: 'single_choice questions only: two or more' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CHOICES_MAX_COUNT)
  @ValidateNested({ each: true })
  @Type(() => SurveyChoiceRequest)
  choices?: SurveyChoiceRequest[];
}

/** The questions of a version, in the order they are asked. */
export class SurveyQuestionsRequest {
  @ApiProperty({ type: [SurveyQuestionRequest], maxItems: QUESTIONS_MAX_COUNT })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(QUESTIONS_MAX_COUNT)
  @ValidateNested({ each: true })
  @Type(() => SurveyQuestionRequest)
  questions: SurveyQuestionRequest[];
}

/** As the events carry them: every question with its choices, empty for the types that have none. */
export function toSurveyQuestions(questions: readonly SurveyQuestionRequest[]): SurveyQuestionV1[] {
  return questions.map(({ questionId, text, type, stage, dimension, required, choices }) => ({
    questionId,
    text,
    type,
    stage,
    dimension,
    required,
    choices: (choices ?? []).map(({ code, label }) => ({ code, label })),
  }));
}
