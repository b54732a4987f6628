import { ApiProperty } from '@nestjs/swagger';
import { SURVEY_STAGES, SurveyStage } from '@cx/contracts';
import { SurveyQuestionView } from '../get-questionnaire/questionnaire.view';

/** What the form behind a link shows: the questions of the customer's stage, and nothing about the customer. */
export class SurveyLinkFormView {
  @ApiProperty() title: string;
  @ApiProperty({ example: '2026-11' }) period: string;
  @ApiProperty({ enum: SURVEY_STAGES }) stage: SurveyStage;
  @ApiProperty({ type: [SurveyQuestionView] }) questions: SurveyQuestionView[];
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}
