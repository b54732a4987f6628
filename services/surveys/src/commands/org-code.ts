import { applyDecorators } from '@nestjs/common';
import { ORG_CODE_PATTERN } from '@cx/contracts';
import { IsString, Matches } from 'class-validator';

/** A project or region code, e.g. `SH-PUDONG-07`, `east-china`. */
export function IsOrgCode(): PropertyDecorator {
  return applyDecorators(
    IsString(),
    Matches(new RegExp(ORG_CODE_PATTERN), { message: '$property must be a code (letters, digits, _ and -)' }),
  );
}
