import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { QUESTIONS_MAX_COUNT } from '@cx/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { SurveyAnswerRequest } from '../survey-answer.dto';

/** What a customer sends through their link: their answers, all of them or as far as they went. */
export class SurveyLinkAnswerRequest {
  @ApiProperty({ type: [SurveyAnswerRequest] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(QUESTIONS_MAX_COUNT)
  @ValidateNested({ each: true })
  @Type(() => SurveyAnswerRequest)
  answers: SurveyAnswerRequest[];

  @ApiPropertyOptional({ enum: ['complete', 'partial'], default: 'complete', description: 'partial: stopped early' })
  @IsOptional()
  @IsIn(['complete', 'partial'])
  disposition?: 'complete' | 'partial';
}
