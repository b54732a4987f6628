import { ApiProperty } from '@nestjs/swagger';
import {
  ASSET_NAME_MAX_LENGTH,
  CONFIDENTIALITY_LEVELS,
  ConfidentialityLevel,
  HANDLING_RULES_MAX_LENGTH,
  INFORMATION_CATEGORIES,
  InformationCategory,
} from '@cx/contracts';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { USER_ID_PATTERN } from '../staff-roles';

/** An information asset as the register describes it: what it is, never what it contains. */
export class RegisterInformationAssetRequest {
  @ApiProperty({ maxLength: ASSET_NAME_MAX_LENGTH, example: 'CRM customer contact records' })
  @IsString()
  @Length(1, ASSET_NAME_MAX_LENGTH)
  @Matches(/\S/, { message: 'name must not be blank' })
  name: string;

  @ApiProperty({ enum: INFORMATION_CATEGORIES })
  @IsIn(INFORMATION_CATEGORIES)
  category: InformationCategory;

  @ApiProperty({ enum: CONFIDENTIALITY_LEVELS, description: 'customer_personal_information: confidential or higher' })
  @IsIn(CONFIDENTIALITY_LEVELS)
  level: ConfidentialityLevel;

  @ApiProperty({ description: 'User id (token `sub`) of the accountable owner', example: 'dpo-1' })
  @IsString()
  @Matches(USER_ID_PATTERN, { message: 'ownerId must be a user id (1-128 letters, digits, . _ : @ -)' })
  ownerId: string;

  @ApiProperty({
    maxLength: HANDLING_RULES_MAX_LENGTH,
    example: 'Masked by default; in clear only under an access grant; never exported to third parties.',
  })
  @IsString()
  @Length(1, HANDLING_RULES_MAX_LENGTH)
  @Matches(/\S/, { message: 'handlingRules must not be blank' })
  handlingRules: string;
}
