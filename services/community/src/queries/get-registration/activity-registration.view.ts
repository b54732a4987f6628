import { ApiProperty } from '@nestjs/swagger';
import { RegistrationSummaryView } from '../get-activity/community-activity.view';

/** One registration as the resident's channel shows it; `version` is the activity's (its ETag). */
export class ActivityRegistrationView extends RegistrationSummaryView {
  @ApiProperty({ format: 'uuid' }) activityId: string;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '7K3M9QX2D4HV8N6T',
    description: 'Single-use; shown as a QR code. Only while confirmed; never in an event',
  })
  checkInCode: string | null;
  @ApiProperty() feedbackGiven: boolean;
  @ApiProperty({ minimum: 1 }) version: number;
}
