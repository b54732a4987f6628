import { ApiProperty } from '@nestjs/swagger';
import { PROJECT_TYPES, ProjectType, QUESTIONNAIRE_TITLE_MAX_LENGTH } from '@cx/contracts';
import { IsIn, IsString, Length } from 'class-validator';
import { SurveyQuestionsRequest } from '../questions.dto';

export class CreateQuestionnaireRequest extends SurveyQuestionsRequest {
  @ApiProperty({ maxLength: QUESTIONNAIRE_TITLE_MAX_LENGTH, example: 'Residential satisfaction 2026' })
  @IsString()
  @Length(1, QUESTIONNAIRE_TITLE_MAX_LENGTH)
  title: string;

  @ApiProperty({ enum: PROJECT_TYPES, description: 'Decides the stages its questions may be asked in' })
  @IsIn(PROJECT_TYPES)
  projectType: ProjectType;
}
