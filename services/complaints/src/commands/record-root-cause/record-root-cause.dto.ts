import { ApiProperty } from '@nestjs/swagger';
import { REVIEW_TEXT_MAX_LENGTH, ROOT_CAUSE_CATEGORIES, RootCauseCategory } from '@cx/contracts';
import { IsIn, IsString, Length } from 'class-validator';

export class RecordRootCauseRequest {
  @ApiProperty({ enum: ROOT_CAUSE_CATEGORIES })
  @IsIn(ROOT_CAUSE_CATEGORIES)
  rootCauseCategory: RootCauseCategory;

  @ApiProperty({
    maxLength: REVIEW_TEXT_MAX_LENGTH,
    description: 'The business problem found; no personal data (it travels in events)',
  })
  @IsString()
  @Length(1, REVIEW_TEXT_MAX_LENGTH)
  businessProblem: string;
}
