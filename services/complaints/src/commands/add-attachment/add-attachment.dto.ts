import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUrl, Matches, MaxLength } from 'class-validator';

/** A reference to a file kept elsewhere (document store): the platform never stores the bytes. */
export class AddAttachmentRequest {
  @ApiProperty({ example: 'https://docs.example.internal/complaints/photo-1.jpg', maxLength: 2048 })
  @IsUrl({ protocols: ['https'], require_protocol: true, require_tld: false }, { message: 'url must be an https URL' })
  @MaxLength(2048)
  url: string;

  @ApiProperty({
    description: 'SHA-256 of the file, lowercase hex',
    example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  })
  @Matches(/^[a-f0-9]{64}$/, { message: 'sha256 must be 64 lowercase hex characters' })
  sha256: string;

  @ApiProperty({ example: 'image/jpeg' })
  @IsString()
  @Matches(/^[a-z]+\/[a-z0-9.+-]+$/, { message: 'mediaType must be a media type such as image/jpeg' })
  @MaxLength(100)
  mediaType: string;
}
