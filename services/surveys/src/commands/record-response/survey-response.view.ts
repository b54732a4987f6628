import { ApiProperty } from '@nestjs/swagger';
import {
  DISPOSITIONS,
  Disposition,
  EVENT_ANSWER_TYPES,
  PROJECT_TYPES,
  ProjectType,
  RESPONSE_CHANNELS,
  ResponseChannel,
  SURVEY_DIMENSIONS,
  SURVEY_STAGES,
  SurveyDimension,
  SurveyStage,
} from '@cx/contracts';

export class ScoredAnswerView {
  @ApiProperty() questionId: string;
  @ApiProperty({ enum: SURVEY_DIMENSIONS }) dimension: SurveyDimension;
  @ApiProperty({ enum: SURVEY_STAGES }) stage: SurveyStage;
  @ApiProperty({ enum: EVENT_ANSWER_TYPES }) type: (typeof EVENT_ANSWER_TYPES)[number];
  @ApiProperty({ oneOf: [{ type: 'integer' }, { type: 'boolean' }, { type: 'string' }] }) value:
    number | string | boolean;
}

/** A recorded response, as its event has it: free text is not shown, only that there is some. */
export class SurveyResponseView {
  @ApiProperty({ format: 'uuid' }) responseId: string;
  @ApiProperty({ format: 'uuid', description: 'The request that recorded it (its stream)' }) submissionId: string;
  @ApiProperty({ format: 'uuid' }) waveId: string;
  @ApiProperty({ example: '2026-11' }) period: string;
  @ApiProperty({ enum: PROJECT_TYPES }) projectType: ProjectType;
  @ApiProperty({ format: 'uuid' }) questionnaireId: string;
  @ApiProperty() questionnaireVersion: number;
  @ApiProperty({ nullable: true, type: String, description: 'null for an intercept' }) subjectId: string | null;
  @ApiProperty() project: string;
  @ApiProperty() region: string;
  @ApiProperty({ enum: SURVEY_STAGES }) stage: SurveyStage;
  @ApiProperty({ enum: RESPONSE_CHANNELS }) channel: ResponseChannel;
  @ApiProperty({ enum: DISPOSITIONS }) disposition: Disposition;
  @ApiProperty({ description: 'Contact attempts on the case so far' }) attempts: number;
  @ApiProperty({ description: 'The n-th outcome of the case' }) outcomeSequence: number;
  @ApiProperty({ type: [ScoredAnswerView] }) answers: ScoredAnswerView[];
  @ApiProperty() hasFreeText: boolean;
  @ApiProperty({
    enum: SURVEY_DIMENSIONS,
    isArray: true,
    required: false,
    description: 'The dimensions of the questions answered in free text; the text itself is never shown',
  })
  freeTextDimensions?: SurveyDimension[];
  @ApiProperty({ nullable: true, type: String }) interviewerId: string | null;
  @ApiProperty({ nullable: true, type: String }) linkId: string | null;
  @ApiProperty({ format: 'date-time' }) respondedAt: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}
