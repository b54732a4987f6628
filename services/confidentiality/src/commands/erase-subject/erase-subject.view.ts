import { ApiProperty } from '@nestjs/swagger';
import { ERASURE_GROUNDS } from '@cx/contracts';

/** What is left of an erased subject: the fact, the ground and the time. */
export class ErasedSubjectView {
  @ApiProperty({ example: 'subj_4kT9wQ2mZp7LxR3vB8nC5dYh' }) subjectId: string;
  @ApiProperty({ enum: ['erased'] }) status: 'erased';
  @ApiProperty({ enum: ERASURE_GROUNDS }) ground: string;
  @ApiProperty({ format: 'date-time' }) erasedAt: string;
  @ApiProperty({ minimum: 1 }) version: number;
}
