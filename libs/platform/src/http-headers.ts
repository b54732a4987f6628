import { BadRequestException, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Principal } from '@cx/auth';
import type { Request } from 'express';

/** `If-Match: "<version>"` → the version the client's decision was based on; absent → undefined. */
export const IfMatchVersion = createParamDecorator((_: unknown, context: ExecutionContext): number | undefined => {
  const header = context.switchToHttp().getRequest<Request>().header('if-match');
  if (header === undefined) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) throw new BadRequestException('If-Match must be an ETag of the form "<version>", e.g. "3".');
  return Number(match[1]);
});

export interface IdempotencyKeyHeader {
  key: string;
  /**
   * Hash of the caller, method, path and body: the same key with a different request is refused, and so is
   * another caller's key (a replay would show them the first caller's result, whatever their scope).
   */
  fingerprint: string;
}

export const IdempotencyKey = createParamDecorator(
  (_: unknown, context: ExecutionContext): IdempotencyKeyHeader | undefined => {
    const request = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const key = request.header('idempotency-key');
    if (key === undefined) return undefined;
    if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
      throw new BadRequestException('Idempotency-Key must be 1-255 visible ASCII characters.');
    }
    const fingerprint = createHash('sha256')
      .update(
        `${request.principal?.sub ?? ''}\n${request.method} ${request.path}\n${JSON.stringify(request.body ?? null)}`,
      )
      .digest('hex');
    return { key, fingerprint };
  },
);

export const etag = (version: number) => `"${version}"`;
