import { ApiProperty } from '@nestjs/swagger';
import { SurveyResponseView } from '../../commands/record-response/survey-response.view';

export class FollowUpView {
  @ApiProperty({ format: 'uuid', description: 'The complaint in the complaints service' }) complaintId: string;
  @ApiProperty({ format: 'date-time' }) filedAt: string;
}

/** A response as recorded, and the complaint that follows it up, once the complaints service filed one. */
export class SurveyResponseDetailsView extends SurveyResponseView {
  @ApiProperty({ type: FollowUpView, nullable: true }) followUp: FollowUpView | null;
}
