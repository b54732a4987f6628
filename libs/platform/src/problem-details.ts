import {
  ArgumentsHost,
  BadRequestException,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  ValidationError,
  ValidationPipe,
} from '@nestjs/common';
import { DomainError, DomainErrorKind } from '@cx/domain';
import { isDatabaseUnavailable } from '@cx/event-store';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { currentCorrelationId } from './correlation';

/** RFC 9457 problem details; `type` is stable and documented in the README. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code?: string;
  correlationId?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export interface FieldError {
  field: string;
  messages: string[];
}

export const problemType = (slug: string) => `urn:cx:problem:${slug}`;

const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  not_found: HttpStatus.NOT_FOUND,
  gone: HttpStatus.GONE,
  invalid_state: HttpStatus.CONFLICT,
  rule_violation: HttpStatus.UNPROCESSABLE_ENTITY,
  concurrency_conflict: HttpStatus.CONFLICT,
  precondition_failed: HttpStatus.PRECONDITION_FAILED,
  idempotency_conflict: HttpStatus.UNPROCESSABLE_ENTITY,
  forbidden: HttpStatus.FORBIDDEN,
};

const SLUG_BY_STATUS: Record<number, [string, string]> = {
  400: ['bad-request', 'Bad request'],
  401: ['unauthorized', 'Unauthorized'],
  403: ['forbidden', 'Forbidden'],
  404: ['not-found', 'Not found'],
  405: ['method-not-allowed', 'Method not allowed'],
  406: ['not-acceptable', 'Not acceptable'],
  409: ['conflict', 'Conflict'],
  412: ['precondition-failed', 'Precondition failed'],
  413: ['payload-too-large', 'Payload too large'],
  415: ['unsupported-media-type', 'Unsupported media type'],
  422: ['unprocessable', 'Unprocessable request'],
  428: ['precondition-required', 'Precondition required'],
  503: ['service-unavailable', 'Service unavailable'],
};

/** What a client told 503 should wait before trying again, in seconds. */
const RETRY_AFTER_SECONDS = 5;

/** Thrown by the global validation pipe: lists every offending field, never just the first. */
export class RequestValidationFailed extends BadRequestException {
  constructor(readonly fieldErrors: FieldError[]) {
    super('The request is not valid.');
  }
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Whitelist and reject unknown fields: nothing is silently dropped or stored. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationFailed(flatten(errors)),
  });
}

/** The one place where errors become HTTP responses. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem = { ...problemDetailsOf(exception), instance: request.originalUrl?.split('?')[0] };
    problem.correlationId = currentCorrelationId();
    if (problem.status >= 500) {
      this.logger.error({ err: exception, path: problem.instance }, 'request failed');
    }
    if (problem.status === 503) response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }
}

/** What an error means over HTTP: a domain error's kind, validation, HTTP errors, body parser, database down. */
export function problemDetailsOf(exception: unknown): ProblemDetails {
  if (exception instanceof DomainError) {
    return {
      type: problemType(exception.code.toLowerCase().replace(/[._]/g, '-')),
      title: exception.name.replace(/([a-z])([A-Z])/g, '$1 $2'),
      status: STATUS_BY_KIND[exception.kind],
      detail: exception.message,
      code: exception.code,
      ...exception.details,
    };
  }
  if (exception instanceof RequestValidationFailed) {
    return {
      type: problemType('validation'),
      title: 'Validation failed',
      status: 400,
      detail: `Invalid fields: ${exception.fieldErrors.map((e) => e.field).join(', ')}.`,
      errors: exception.fieldErrors,
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const [slug, title] = SLUG_BY_STATUS[status] ?? ['http-error', 'Request failed'];
    return { type: problemType(slug), title, status, detail: detailOf(exception) };
  }
  const bodyParserError = exception as { type?: string; status?: number; message?: string; limit?: number };
  if (bodyParserError?.type === 'entity.too.large') {
    return {
      type: problemType('payload-too-large'),
      title: 'Payload too large',
      status: 413,
      detail: `The body is larger than this route takes (${bodyParserError.limit} bytes).`,
    };
  }
  if (bodyParserError?.type === 'entity.parse.failed') {
    return {
      type: problemType('malformed-json'),
      title: 'Malformed JSON',
      status: 400,
      detail: 'The body is not valid JSON.',
    };
  }
  if (isDatabaseUnavailable(exception)) {
    return {
      type: problemType('service-unavailable'),
      title: 'Service unavailable',
      status: 503,
      detail: 'The database cannot be reached right now. Try again shortly (with the same Idempotency-Key, if any).',
    };
  }
  return {
    type: problemType('internal'),
    title: 'Internal error',
    status: 500,
    detail: 'The request could not be completed; it has been logged with its correlation id.',
  };
}

function detailOf(exception: HttpException): string {
  const body = exception.getResponse();
  if (typeof body === 'string') return body;
  const message = (body as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}
