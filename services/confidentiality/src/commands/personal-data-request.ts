import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches, ValidateBy, ValidationOptions } from 'class-validator';
import type { Address } from '../domain/personal-data/personal-data';
import { normaliseMobileNumber } from '../domain/personal-data/phone-number';
import { normaliseResidentIdNumber } from '../domain/personal-data/resident-id-number';

export const NAME_MAX_LENGTH = 100;
export const EMAIL_MAX_LENGTH = 254;
const NOT_BLANK = /\S/;

/** Messages name the field and the rule, never the value: a rejected phone number must not end up in a log. */
export function IsMobileNumber(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isMobileNumber',
      validator: {
        validate: (value) => typeof value === 'string' && normaliseMobileNumber(value) !== null,
        defaultMessage: (args) =>
          `${args?.property} must be a mainland China mobile number: 11 digits starting 13-19 (+86, spaces and dashes allowed)`,
      },
    },
    options,
  );
}

export function IsResidentIdNumber(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isResidentIdNumber',
      validator: {
        validate: (value) => typeof value === 'string' && normaliseResidentIdNumber(value) !== null,
        defaultMessage: (args) =>
          `${args?.property} must be an 18-character resident ID number with a valid birth date and check character`,
      },
    },
    options,
  );
}

export class AddressRequest {
  @ApiProperty({ example: '上海市' })
  @IsString()
  @Length(1, 50)
  @Matches(NOT_BLANK, { message: 'province must not be blank' })
  province: string;

  @ApiProperty({ example: '上海市' })
  @IsString()
  @Length(1, 50)
  @Matches(NOT_BLANK, { message: 'city must not be blank' })
  city: string;

  @ApiProperty({ example: '浦东新区', description: 'District or county: the last part a masked read shows' })
  @IsString()
  @Length(1, 50)
  @Matches(NOT_BLANK, { message: 'district must not be blank' })
  district: string;

  @ApiProperty({ example: '张江路 88 弄 6 号 1202 室', description: 'Street, building and unit; masked' })
  @IsString()
  @Length(1, 200)
  @Matches(NOT_BLANK, { message: 'detail must not be blank' })
  detail: string;
}

/** Stored as the vault keeps it: trimmed, spaces collapsed. */
export function normaliseText(value: string): string {
  return value.trim().replace(/\s+/g, ' ');
}

export function normaliseAddress(address: AddressRequest): Address {
  const { province, city, district, detail } = address;
  return {
    province: normaliseText(province),
    city: normaliseText(city),
    district: normaliseText(district),
    detail: normaliseText(detail),
  };
}

/** The domain part of an address is case-insensitive; the local part is kept as given. */
export function normaliseEmail(email: string): string {
  const trimmed = email.trim();
  const at = trimmed.lastIndexOf('@');
  return `${trimmed.slice(0, at)}${trimmed.slice(at).toLowerCase()}`;
}

/** For values the DTO has validated: a normaliser that still says no is a programming error. */
export function validated(value: string, normalise: (input: string) => string | null): string {
  const normalised = normalise(value);
  if (normalised === null) throw new Error('a validated value did not normalise');
  return normalised;
}
