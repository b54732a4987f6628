import { PartialType } from '@nestjs/swagger';
import { ActivityDetailsRequest } from '../plan-activity/plan-activity.dto';

/** Any of the activity's details; those left out stay as they are. */
export class ChangeActivityRequest extends PartialType(ActivityDetailsRequest) {}
