import { applyDecorators } from '@nestjs/common';
import { SUBJECT_ID_PATTERN } from '@cx/contracts';
import { IsString, Matches } from 'class-validator';

/** A customer's subject id from the confidentiality vault; the shape keeps a pasted name or phone number out. */
export function IsSubjectId(): PropertyDecorator {
  return applyDecorators(
    IsString(),
    Matches(new RegExp(SUBJECT_ID_PATTERN), {
      message: '$property must be a subject id (subj_…), not a name or phone number',
    }),
  );
}
