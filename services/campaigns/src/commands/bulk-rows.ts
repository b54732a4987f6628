import { plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';
import { PERSON_ID_PATTERN } from '@cx/contracts';
import type { RowRejection } from '../domain/row-rejection';

export type RowCheck<T> = { ok: true; row: number; value: T } | { ok: false; rejection: RowRejection };

/** The global pipe's rules, for one row of a bulk body: unknown fields are refused, never dropped. */
const ROW_VALIDATION = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true };
const PERSON_ID = new RegExp(PERSON_ID_PATTERN);

/**
 * Checks one row of a bulk body with the request DTO a single request would use. A row with a problem is
 * refused with a stable reason: `unknown_field`, `missing_<field>`, the constraint's own reason (its
 * `context.reason`) or `invalid_<field>`; its first problem is reported, in the DTO's field order.
 */
export function checkRow<T extends object>(
  dto: new () => T,
  raw: unknown,
  row: number,
  fieldName: (property: string) => string = (property) => property,
): RowCheck<T> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      ok: false,
      rejection: { row, personId: null, reason: 'not_an_object', field: null, detail: 'each row must be an object' },
    };
  }
  const fields = raw as Record<string, unknown>;
  const value = plainToInstance(dto, fields);
  const [problem] = validateSync(value, ROW_VALIDATION);
  if (!problem) return { ok: true, row, value };
  // Echoed only when it is a person id: a name pasted there must not travel on in the report.
  const personId = typeof fields.personId === 'string' && PERSON_ID.test(fields.personId) ? fields.personId : null;
  return { ok: false, rejection: { row, personId, ...rejectionOf(problem, fields, fieldName) } };
}

function rejectionOf(
  problem: ValidationError,
  fields: Record<string, unknown>,
  fieldName: (property: string) => string,
): Pick<RowRejection, 'reason' | 'field' | 'detail'> {
  const field = fieldName(problem.property);
  const code = problem.property.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
  const [constraint, message] = Object.entries(problem.constraints ?? {})[0] ?? ['', 'is not valid'];
  if (constraint === 'whitelistValidation') {
    return { reason: 'unknown_field', field, detail: `${field} is not a field` };
  }
  const value = fields[problem.property];
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return { reason: `missing_${code}`, field, detail: `${field} is missing` };
  }
  const reason = (problem.contexts?.[constraint]?.reason as string | undefined) ?? `invalid_${code}`;
  // Messages start with the property's name; a CSV row names its column instead.
  const detail = message.startsWith(problem.property) ? field + message.slice(problem.property.length) : message;
  return { reason, field, detail };
}
