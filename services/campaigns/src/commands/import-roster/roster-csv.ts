import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';

/** The CSV header, exactly; each column is a field of RosterRowRequest. */
export const ROSTER_CSV_COLUMNS = {
  person_id: 'personId',
  name: 'name',
  department: 'department',
  region: 'region',
  segment: 'segment',
  employed_from: 'employedFrom',
  employed_until: 'employedUntil',
} as const;

const HEADER = Object.keys(ROSTER_CSV_COLUMNS);
const COLUMN_OF_FIELD: Record<string, string> = Object.fromEntries(
  Object.entries(ROSTER_CSV_COLUMNS).map(([column, field]) => [field, column]),
);

/** Rejections of CSV rows name the column, as the file does. */
export function csvColumnOf(field: string): string {
  return COLUMN_OF_FIELD[field] ?? field;
}

/** One CSV record after the header: its row number (from 1) and its cells, trimmed. */
export interface CsvRecord {
  row: number;
  cells: string[];
}

/**
 * Reads a roster CSV: UTF-8 (a byte-order mark is allowed, as Excel writes one), RFC 4180 quoting (commas,
 * quotes and line breaks inside quoted cells), LF or CRLF line ends, and the documented header. Another
 * charset or bytes that are not UTF-8 are refused (415), a wrong header or broken quoting too (400).
 */
export function parseRosterCsv(bytes: Buffer, contentType: string | undefined): CsvRecord[] {
  const charset = /;\s*charset="?([^";\s]+)"?/i.exec(contentType ?? '')?.[1]?.toLowerCase();
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw new UnsupportedMediaTypeException(`The roster CSV must be UTF-8, not ${charset}: save it as "CSV UTF-8".`);
  }
  const records = tokenize(decodeUtf8(bytes));
  while (records.length > 0 && isBlank(records[records.length - 1])) records.pop();
  const [header, ...rows] = records;
  if (!header || header.map((cell) => cell.trim()).join(',') !== HEADER.join(',')) {
    throw new BadRequestException(
      `The roster CSV header must be exactly "${HEADER.join(',')}"; found "${(header ?? []).join(',')}".`,
    );
  }
  return rows.map((cells, index) => ({ row: index + 1, cells: cells.map((cell) => cell.trim()) }));
}

/** A record of the header's width, as the row object RosterRowRequest checks; an empty cell is left out. */
export function csvRowObject(cells: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    Object.values(ROSTER_CSV_COLUMNS)
      .map((field, i) => [field, cells[i]])
      .filter(([, cell]) => cell !== ''),
  );
}

export const ROSTER_CSV_WIDTH = HEADER.length;

export function isBlank(cells: readonly string[]): boolean {
  return cells.length === 1 && cells[0].trim() === '';
}

function decodeUtf8(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    const line = text.slice(0, text.indexOf('\uFFFD')).split('\n').length;
    throw new UnsupportedMediaTypeException(
      `The roster CSV is not valid UTF-8 (first bad bytes on line ${line}): save it as "CSV UTF-8".`,
    );
  }
}

function tokenize(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  let quoteLine = 0;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') line++;
        cell += char;
      }
    } else if (char === '"' && cell.trim() === '') {
      quoted = true;
      quoteLine = line;
      cell = '';
    } else if (char === ',') {
      record.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
      line++;
    } else {
      cell += char;
    }
  }
  if (quoted)
    throw new BadRequestException(`The roster CSV has a quoted cell that never ends (from line ${quoteLine}).`);
  if (cell !== '' || record.length > 0) records.push([...record, cell]);
  return records;
}
