import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import type { RowRejection } from '../../domain/row-rejection';
import { checkRow } from '../bulk-rows';
import type { NumberedActivity } from '../record-activity/activity-recording';
import { ParticipationActivityRequest } from '../record-activity/participation-activity.dto';

/** Thousands in one request: a department's month of activities. */
export const ACTIVITIES_MAX_ROWS = 10_000;
/** Room for ACTIVITIES_MAX_ROWS activities with a few findings each. */
export const ACTIVITIES_BODY_LIMIT = '16mb';

export interface ActivityRows {
  rows: number;
  activities: NumberedActivity[];
  rejections: RowRejection[];
}

/** A bulk upload, row by row, with the rules of a single activity's body; bad rows are refused, not the upload. */
export function readActivityRows(body: unknown): ActivityRows {
  if (!Array.isArray(body)) throw new BadRequestException('A bulk upload is a JSON array of activities.');
  if (body.length > ACTIVITIES_MAX_ROWS) {
    throw new PayloadTooLargeException(`A bulk upload takes at most ${ACTIVITIES_MAX_ROWS} activities; split it.`);
  }
  const activities: NumberedActivity[] = [];
  const rejections: RowRejection[] = [];
  body.forEach((raw, i) => {
    const check = checkRow(ParticipationActivityRequest, raw, i + 1);
    if (check.ok) activities.push({ row: check.row, value: check.value });
    else rejections.push(check.rejection);
  });
  return { rows: body.length, activities, rejections };
}
