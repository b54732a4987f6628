import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

/** A calendar date, YYYY-MM-DD, that exists (no 30 February); refused as `bad_date` in bulk rows. */
export function IsCalendarDate(): PropertyDecorator {
  const context = { reason: 'bad_date' };
  return applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date, YYYY-MM-DD', context }),
    IsISO8601({ strict: true }, { message: '$property must be a calendar date', context }),
  );
}
