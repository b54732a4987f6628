import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import type { RowRejection } from '../../domain/row-rejection';
import type { FrameEntry } from '../../domain/sampling/sampling-frame';
import { checkRow } from '../bulk-rows';
import { SamplingFrameRowRequest } from './sampling-frame-row.dto';

/** A month's customers of a project type across the group. */
export const FRAME_MAX_ROWS = 100_000;
/** Room for FRAME_MAX_ROWS customers with long project codes. */
export const FRAME_BODY_LIMIT = '16mb';

export interface SamplingFrameRows {
  rows: number;
  entries: { row: number; entry: FrameEntry }[];
  rejections: RowRejection[];
}

/** A frame upload, row by row, each checked on its own; bad rows are refused, not the upload. */
export function readSamplingFrameRows(body: unknown): SamplingFrameRows {
  if (!Array.isArray(body)) throw new BadRequestException('A sampling frame is a JSON array of customers.');
  if (body.length > FRAME_MAX_ROWS) {
    throw new PayloadTooLargeException(`A sampling frame takes at most ${FRAME_MAX_ROWS} customers.`);
  }
  const entries: SamplingFrameRows['entries'] = [];
  const rejections: RowRejection[] = [];
  body.forEach((raw, i) => {
    const check = checkRow(SamplingFrameRowRequest, raw, i + 1);
    if (check.ok) {
      const { subjectId, project, region, stage } = check.value;
      entries.push({ row: check.row, entry: { subjectId, project, region, stage } });
    } else {
      rejections.push(check.rejection);
    }
  });
  return { rows: body.length, entries, rejections };
}
