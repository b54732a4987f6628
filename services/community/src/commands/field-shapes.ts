import { applyDecorators } from '@nestjs/common';
import { ORG_CODE_PATTERN, SUBJECT_ID_PATTERN } from '@cx/contracts';
import { IsISO8601, IsString, Matches } from 'class-validator';

/** A moment with its offset, e.g. `2026-05-10T19:00:00+08:00`; a bare date or a local time is ambiguous. */
export function IsTimestamp(): PropertyDecorator {
  return applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, {
      message: '$property must be a timestamp with its offset, e.g. 2026-05-10T19:00:00+08:00',
    }),
    IsISO8601({ strict: true }, { message: '$property must be a timestamp that exists' }),
  );
}

/** A community is named by its project code, e.g. `SH-PUDONG-07`. */
export function IsCommunityCode(): PropertyDecorator {
  return Matches(new RegExp(ORG_CODE_PATTERN), { message: '$property must be a project code, e.g. SH-PUDONG-07' });
}

/** Residents are subject ids from the confidentiality vault; the shape keeps a name or a phone number out. */
export function IsResidentId(): PropertyDecorator {
  return Matches(new RegExp(SUBJECT_ID_PATTERN), { message: '$property must be a subject id (subj_…)' });
}

/** A staff member's user id (the token's `sub`), e.g. `cs-east-12`; the shape keeps a pasted name out of events. */
export function IsStaffId(): PropertyDecorator {
  return applyDecorators(
    IsString(),
    Matches(/^[A-Za-z0-9._:@-]{1,128}$/, { message: '$property must be a user id (1-128 letters, digits, . _ : @ -)' }),
  );
}

/** Normalised to UTC, so that equal moments are equal strings in events. */
export const utc = (timestamp: string): string => new Date(timestamp).toISOString();
