import { applyDecorators } from '@nestjs/common';
import { IsString, Matches } from 'class-validator';

/** A staff member's user id (the token's `sub`), e.g. `pm-east-12`; the shape keeps a pasted name out of events. */
export function IsStaffId(): PropertyDecorator {
  return applyDecorators(
    IsString(),
    Matches(/^[A-Za-z0-9._:@-]{1,128}$/, {
      message: '$property must be a user id (1-128 letters, digits, . _ : @ -)',
    }),
  );
}
