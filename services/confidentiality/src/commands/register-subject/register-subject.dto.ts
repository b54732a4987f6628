import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsObject, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import type { PersonalData } from '../../domain/personal-data/personal-data';
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

/** A person's data as the call centre or CRM has it; at least a phone number or an ID number. */
export class RegisterSubjectRequest {
  @ApiProperty({ maxLength: NAME_MAX_LENGTH, example: '王芳' })
  @IsString()
  @Length(1, NAME_MAX_LENGTH)
  @Matches(/\S/, { message: 'name must not be blank' })
  name: string;

  @ApiPropertyOptional({ example: '+86 138-1234-5678', description: 'Mainland China mobile number' })
  @IsOptional()
  @IsString()
  @IsMobileNumber()
  phone?: string | null;

  @ApiPropertyOptional({ example: '11010519491231002X', description: 'PRC resident ID number (18 characters)' })
  @IsOptional()
  @IsString()
  @IsResidentIdNumber()
  idNumber?: string | null;

  @ApiPropertyOptional({ maxLength: EMAIL_MAX_LENGTH, example: 'wang.fang@example.com' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(EMAIL_MAX_LENGTH)
  email?: string | null;

  @ApiPropertyOptional({ type: AddressRequest })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AddressRequest)
  address?: AddressRequest | null;
}

/** What the vault keeps: normalised, so that the same phone or ID number is found again however it was typed. */
export function toPersonalData(request: RegisterSubjectRequest): PersonalData {
  return {
    name: normaliseText(request.name),
    phone: request.phone == null ? null : validated(request.phone, normaliseMobileNumber),
    idNumber: request.idNumber == null ? null : validated(request.idNumber, normaliseResidentIdNumber),
    email: request.email == null ? null : normaliseEmail(request.email),
    address: request.address == null ? null : normaliseAddress(request.address),
  };
}
