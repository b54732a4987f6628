import { BadRequestException, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { RowRejection } from '../../domain/row-rejection';
import { employmentDatesInOrder } from '../../domain/roster/roster.decider';
import type { RosterPerson } from '../../infrastructure/roster.repository';
import { checkRow, RowCheck } from '../bulk-rows';
import { RosterRowRequest } from './roster-row.dto';
import { csvColumnOf, csvRowObject, isBlank, parseRosterCsv, ROSTER_CSV_WIDTH } from './roster-csv';

/** Tens of thousands in one request; a whole group's staff list fits. */
export const ROSTER_MAX_ROWS = 100_000;
/** Room for ROSTER_MAX_ROWS people with long department names, as JSON or CSV. */
export const ROSTER_BODY_LIMIT = '32mb';

/** An import's rows: the people to import and, by row number, the rows refused. */
export interface RosterRows {
  rows: number;
  people: RosterPerson[];
  rejections: RowRejection[];
}

/**
 * The body of a roster import, a JSON array (parsed) or a CSV file (raw bytes), row by row: each row checked
 * on its own, then across rows (one row per person). Bad rows are refused with their number and reason; the
 * good ones go on, whole.
 */
export function readRosterRows(body: unknown, contentType: string | undefined): RosterRows {
  if (Buffer.isBuffer(body)) return readCsv(body, contentType);
  if (Array.isArray(body)) {
    tooManyRows(body.length);
    return rosterRowsOf(body.map((raw, i) => checkRow(RosterRowRequest, raw, i + 1)));
  }
  if (body === undefined) {
    throw new UnsupportedMediaTypeException('Send the roster as application/json (an array of people) or text/csv.');
  }
  throw new BadRequestException('A JSON roster is an array of people, one object each.');
}

function readCsv(bytes: Buffer, contentType: string | undefined): RosterRows {
  const records = parseRosterCsv(bytes, contentType);
  tooManyRows(records.length);
  return rosterRowsOf(
    records.map(({ row, cells }): RowCheck<RosterRowRequest> => {
      if (cells.length === ROSTER_CSV_WIDTH) return checkRow(RosterRowRequest, csvRowObject(cells), row, csvColumnOf);
      const detail = isBlank(cells)
        ? 'the row is empty'
        : `the row has ${cells.length} fields; the header has ${ROSTER_CSV_WIDTH}`;
      return {
        ok: false,
        rejection: {
          row,
          personId: null,
          reason: isBlank(cells) ? 'empty_row' : 'wrong_field_count',
          field: null,
          detail,
        },
      };
    }),
    csvColumnOf,
  );
}

/** The checks across rows: one row per person (a later row with the same id is refused), dates in order. */
function rosterRowsOf(checks: RowCheck<RosterRowRequest>[], fieldName = (field: string) => field): RosterRows {
  const accepted: RosterPerson[] = [];
  const rejections: RowRejection[] = [];
  const firstRowOf = new Map<string, number>();
  for (const check of checks) {
    if (!check.ok) {
      rejections.push(check.rejection);
      if (check.rejection.personId !== null && !firstRowOf.has(check.rejection.personId)) {
        firstRowOf.set(check.rejection.personId, check.rejection.row);
      }
      continue;
    }
    const { row, value } = check;
    const { personId, name, segment, department, region, employedFrom } = value;
    const refuse = (reason: string, field: string, detail: string) =>
      rejections.push({ row, personId, reason, field: fieldName(field), detail });
    const first = firstRowOf.get(personId);
    if (first !== undefined) {
      refuse('duplicated_person_id', 'personId', `${fieldName('personId')} ${personId} is already in row ${first}`);
      continue;
    }
    firstRowOf.set(personId, row);
    const entry = { personId, segment, department, region, employedFrom, employedUntil: value.employedUntil ?? null };
    if (!employmentDatesInOrder(entry)) {
      refuse('bad_date', 'employedUntil', `${fieldName('employedUntil')} is before ${fieldName('employedFrom')}`);
      continue;
    }
    accepted.push({ row, name, entry });
  }
  return { rows: checks.length, people: accepted, rejections };
}

function tooManyRows(rows: number): void {
  if (rows > ROSTER_MAX_ROWS) {
    throw new PayloadTooLargeException(`A roster import takes at most ${ROSTER_MAX_ROWS} people; split the file.`);
  }
}
