import { ApiProperty } from '@nestjs/swagger';

export class IssuedSurveyLinkView {
  @ApiProperty() subjectId: string;
  @ApiProperty({ format: 'uuid' }) linkId: string;
  @ApiProperty({ description: 'The single-use credential; shown once, stored only hashed' }) token: string;
  @ApiProperty({ example: '/v1/survey-links/<token>', description: 'The form’s API path for this link' }) path: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

/** The links issued now (with their tokens, shown this once) and the customers who hold one already. */
export class SurveyLinksView {
  @ApiProperty({ format: 'uuid' }) waveId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null when nobody needed a link' })
  issueId: string | null;
  @ApiProperty({ type: [IssuedSurveyLinkView] }) issued: IssuedSurveyLinkView[];
  @ApiProperty({ type: [String], description: 'Customers who hold a link already; they keep it' })
  alreadyLinked: string[];
  @ApiProperty({ description: 'The wave’s version after the issue; also the ETag' }) version: number;
}
