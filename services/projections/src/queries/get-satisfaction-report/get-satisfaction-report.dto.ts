import { ApiProperty } from '@nestjs/swagger';
import { PROJECT_TYPES, SURVEY_DIMENSIONS, SURVEY_PERIOD_PATTERN, SURVEY_STAGES } from '@cx/contracts';
import { Matches } from 'class-validator';

export class GetSatisfactionReportRequest {
  @ApiProperty({ example: '2026-05', description: "A wave's month, YYYY-MM" })
  @Matches(new RegExp(SURVEY_PERIOD_PATTERN), { message: 'period must be a month, YYYY-MM' })
  period: string;
}

export class ConfidenceIntervalView {
  @ApiProperty() low: number;
  @ApiProperty() high: number;
}

/** The figures of one cell, with what they rest on: responses, answers and the response rate. */
export class SatisfactionFiguresView {
  @ApiProperty({ description: 'Complete responses with a rating in the cell' }) responses: number;
  @ApiProperty({ description: 'Rating answers in the cell' }) answers: number;
  @ApiProperty({ description: 'Mean answer score, 0-100, two decimals' }) index: number;
  @ApiProperty({
    type: ConfidenceIntervalView,
    nullable: true,
    description: "95% interval of the index (Student's t); null below two answers",
  })
  ci: ConfidenceIntervalView | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Percent of 1-5 answers that are 4 or 5' })
  csat: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '% promoters (9-10) − % detractors (0-6), 0-10 answers' })
  nps: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Sampled cases; null where nobody was sampled' })
  sampled: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'AAPOR RR1 of the sample, four decimals' })
  responseRate: number | null;
}

export class DimensionFiguresView extends SatisfactionFiguresView {
  @ApiProperty({ enum: SURVEY_DIMENSIONS }) dimension: string;
}

export class PlaceFiguresView extends SatisfactionFiguresView {
  @ApiProperty({ nullable: true, type: String }) project: string | null;
  @ApiProperty({ nullable: true, type: String }) region: string | null;
  @ApiProperty({ nullable: true, type: String, enum: SURVEY_STAGES }) stage: string | null;
  @ApiProperty({ type: [DimensionFiguresView] }) dimensions: DimensionFiguresView[];
}

export class QuestionFiguresView extends SatisfactionFiguresView {
  @ApiProperty({ enum: PROJECT_TYPES }) projectType: string;
  @ApiProperty() questionId: string;
  @ApiProperty({ nullable: true, type: String }) text: string | null;
  @ApiProperty({ enum: SURVEY_DIMENSIONS }) dimension: string;
  @ApiProperty({ enum: SURVEY_STAGES }) stage: string;
  @ApiProperty({ enum: ['rating_1_5', 'rating_0_10'] }) scale: string;
}

export class SurveyWaveFiguresView {
  @ApiProperty({ format: 'uuid' }) waveId: string;
  @ApiProperty({ enum: PROJECT_TYPES }) projectType: string;
  @ApiProperty({ enum: ['planned', 'in_field', 'closed'] }) status: string;
  @ApiProperty({ nullable: true, type: Number }) sampleSize: number | null;
}

export class SatisfactionReportView {
  @ApiProperty() period: string;
  @ApiProperty({ type: [SurveyWaveFiguresView] }) waves: SurveyWaveFiguresView[];
  @ApiProperty({ type: PlaceFiguresView, nullable: true, description: 'Every answer of the month; null without any' })
  overall: PlaceFiguresView | null;
  @ApiProperty({ type: [PlaceFiguresView] }) byRegion: PlaceFiguresView[];
  @ApiProperty({ type: [PlaceFiguresView] }) byStage: PlaceFiguresView[];
  @ApiProperty({ type: [PlaceFiguresView] }) byProject: PlaceFiguresView[];
  @ApiProperty({ type: [QuestionFiguresView], description: 'Each question over every project' })
  byQuestion: QuestionFiguresView[];
}
