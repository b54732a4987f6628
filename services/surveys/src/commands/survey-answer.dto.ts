import { ApiProperty } from '@nestjs/swagger';
import { FREE_TEXT_MAX_LENGTH, SURVEY_CODE_PATTERN } from '@cx/contracts';
import { IsDefined, IsString, Matches, ValidateBy } from 'class-validator';

const isAnswerValue = (value: unknown) =>
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value)) ||
  (typeof value === 'string' && value.length >= 1 && value.length <= FREE_TEXT_MAX_LENGTH);

/** One answer of a response; whether the value fits its question is the questionnaire's to say. */
export class SurveyAnswerRequest {
  @ApiProperty({ example: 'q_repair_speed', description: 'A question of the wave’s questionnaire version' })
  @IsString()
  @Matches(new RegExp(SURVEY_CODE_PATTERN), { message: '$property must be a question id (a-z, 0-9, _)' })
  questionId: string;

  @ApiProperty({
    oneOf: [{ type: 'integer' }, { type: 'boolean' }, { type: 'string' }],
    example: 4,
    description: `A rating (whole number), true/false (yes_no), a choice code, or free text (up to ${FREE_TEXT_MAX_LENGTH} characters, kept out of events)`,
  })
  @IsDefined()
  @ValidateBy(
    {
      name: 'isAnswerValue',
      validator: {
        validate: isAnswerValue,
        defaultMessage: () =>
          `$property must be a number, true or false, or text of 1-${FREE_TEXT_MAX_LENGTH} characters`,
      },
    },
    { context: { reason: 'invalid_answer_value' } },
  )
  value: number | boolean | string;
}
