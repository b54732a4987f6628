import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import type { Correction } from '../../domain/personal-data/personal-data';
import { normaliseMobileNumber } from '../../domain/personal-data/phone-number';
import { normaliseResidentIdNumber } from '../../domain/personal-data/resident-id-number';
import {
  AddressRequest,
  EMAIL_MAX_LENGTH,
  IsMobileNumber,
  IsResidentIdNumber,
  NAME_MAX_LENGTH,
  normaliseAddress,
  normaliseEmail,
  normaliseText,
  validated,
} from '../personal-data-request';

/** Only the fields given change; null removes one (not the name, and not the last of phone and ID number). */
export class CorrectSubjectRequest {
  @ApiPropertyOptional({ maxLength: NAME_MAX_LENGTH })
  @ValidateIf((request: CorrectSubjectRequest) => request.name !== undefined)
  @IsString()
  @Length(1, NAME_MAX_LENGTH)
  @Matches(/\S/, { message: 'name must not be blank' })
  name?: string;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Mainland China mobile number; null removes it' })
  @IsOptional()
  @IsString()
  @IsMobileNumber()
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'PRC resident ID number; null removes it' })
  @IsOptional()
  @IsString()
  @IsResidentIdNumber()
  idNumber?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: EMAIL_MAX_LENGTH, description: 'null removes it' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(EMAIL_MAX_LENGTH)
  email?: string | null;

  @ApiPropertyOptional({ nullable: true, type: AddressRequest, description: 'Replaced as a whole; null removes it' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AddressRequest)
  address?: AddressRequest | null;
}

export function toCorrection(request: CorrectSubjectRequest): Correction {
  const { name, phone, idNumber, email, address } = request;
  const optional = <T, R>(value: T | null | undefined, normalise: (given: T) => R) =>
    value === undefined || value === null ? value : normalise(value);
  return {
    name: name === undefined ? undefined : normaliseText(name),
    phone: optional(phone, (given) => validated(given, normaliseMobileNumber)),
    idNumber: optional(idNumber, (given) => validated(given, normaliseResidentIdNumber)),
    email: optional(email, normaliseEmail),
    address: optional(address, normaliseAddress),
  };
}
