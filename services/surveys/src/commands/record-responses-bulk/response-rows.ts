import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import type { RowRejection } from '../../domain/row-rejection';
import { checkRow } from '../bulk-rows';
import type { NumberedResponse } from '../record-response/response-recording';
import { VendorResponseRowRequest } from './vendor-response-row.dto';

/** Thousands in one request: a day's calls of a vendor. */
export const RESPONSES_MAX_ROWS = 10_000;
/** Room for RESPONSES_MAX_ROWS interviews with a few dozen answers each. */
export const RESPONSES_BODY_LIMIT = '24mb';

export interface ResponseRows {
  rows: number;
  responses: NumberedResponse[];
  rejections: RowRejection[];
}

/** A vendor's batch, row by row, with the rules of a single row's shape; bad rows are refused, not the batch. */
export function readResponseRows(body: unknown): ResponseRows {
  if (!Array.isArray(body)) throw new BadRequestException('A batch of responses is a JSON array of call outcomes.');
  if (body.length > RESPONSES_MAX_ROWS) {
    throw new PayloadTooLargeException(`A batch takes at most ${RESPONSES_MAX_ROWS} responses; split it.`);
  }
  const responses: NumberedResponse[] = [];
  const rejections: RowRejection[] = [];
  body.forEach((raw, i) => {
    const check = checkRow(VendorResponseRowRequest, raw, i + 1);
    if (!check.ok) {
      rejections.push(check.rejection);
      return;
    }
    const { subjectId, disposition, attempts, respondedAt, answers, interviewerId } = check.value;
    responses.push({
      row: check.row,
      value: {
        channel: 'phone',
        subjectId,
        site: null,
        disposition,
        attempts: attempts ?? 1,
        respondedAt: new Date(respondedAt).toISOString(),
        answers: (answers ?? []).map(({ questionId, value }) => ({ questionId, value })),
        interviewerId: interviewerId ?? null,
        linkId: null,
      },
    });
  });
  return { rows: body.length, responses, rejections };
}
