import { ApiProperty } from '@nestjs/swagger';
import { PHOTO_REFERENCE_PATTERN } from '@cx/contracts';
import { Matches } from 'class-validator';

export class AddActivityPhotoRequest {
  @ApiProperty({
    example: 'oss://cx-community/2026/05/lantern-01.jpg',
    description: 'Where the photo is stored (scheme://location); the image itself is not sent here',
  })
  @Matches(new RegExp(PHOTO_REFERENCE_PATTERN), { message: '$property must be a storage reference, scheme://location' })
  reference: string;
}
