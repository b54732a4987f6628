import { ApiProperty } from '@nestjs/swagger';
import { ROSTER_SEGMENTS } from '@cx/contracts';

export class CountedPersonView {
  @ApiProperty({ description: 'HR person id' }) personId: string;
  @ApiProperty({ enum: ROSTER_SEGMENTS }) segment: string;
  @ApiProperty({ description: 'Took part (else: eligible only)' }) participant: boolean;
}

export class DisclosureEvidenceView {
  @ApiProperty({ format: 'uuid' }) disclosureId: string;
  @ApiProperty({ description: 'SHA-256 over these people, as disclosed' }) evidenceDigest: string;
  @ApiProperty({ type: [CountedPersonView], description: 'Every eligible person, sorted by person id' })
  people: CountedPersonView[];
}
