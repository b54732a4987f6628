import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

/**
 * An instant, ISO 8601 with a four-digit year and an offset (`2026-11-19T15:30:00+08:00`), that exists; refused
 * as `bad_date` in bulk rows. Signed or expanded years are refused: they are not call times.
 */
export function IsDateTime(): PropertyDecorator {
  const context = { reason: 'bad_date' };
  return applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/, {
      message: '$property must be a date-time with an offset, e.g. 2026-11-19T15:30:00+08:00',
      context,
    }),
    IsISO8601({ strict: true }, { message: '$property must be a date-time that exists', context }),
  );
}
