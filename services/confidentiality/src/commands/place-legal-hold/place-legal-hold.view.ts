import { ApiProperty } from '@nestjs/swagger';
import { SubjectView } from '../../queries/get-subject/subject.view';

/** The subject with the new hold, and the hold's id (to release it by). */
export class LegalHoldPlacedView extends SubjectView {
  @ApiProperty({ format: 'uuid' }) holdId: string;
}
