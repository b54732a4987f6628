import { createHash } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { problemType } from './problem-details';

/**
 * Security headers: API answers forbid everything a browser could do with them; the OpenAPI UI at /docs needs
 * its own scripts and styles, so it gets helmet's defaults, which allow same-origin ones. Server-rendered pages
 * (under `pagesPath`) may load same-origin scripts, styles and images and call their own origin, nothing inline.
 */
export function securityHeaders(pagesPath?: string): RequestHandler {
  const api = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  });
  const docs = helmet();
  const pages = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
    // With no-referrer a browser sends `Origin: null` on its own form posts, and the pages check the origin.
    referrerPolicy: { policy: 'same-origin' },
  });
  const isPage = (path: string) => pagesPath !== undefined && (path === pagesPath || path.startsWith(`${pagesPath}/`));
  return (request, response, next) =>
    (request.path.startsWith('/docs') ? docs : isPage(request.path) ? pages : api)(request, response, next);
}

export interface WriteRateLimit {
  /** Writes (POST, PUT, PATCH, DELETE) each caller may make per window; a bulk upload counts as one. */
  limit: number;
  windowMs: number;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A fixed window per caller: the bearer token (hashed, so no token sits in memory in clear) or, without one,
 * the client address. Over the limit: 429 problem+json with Retry-After, before any body is parsed.
 */
export function writeRateLimit({ limit, windowMs }: WriteRateLimit, now: () => number = Date.now): RequestHandler {
  const windows = new Map<string, { startedAt: number; count: number }>();
  return (request: Request, response: Response, next: NextFunction) => {
    if (!WRITES.has(request.method)) return next();
    const at = now();
    const caller = request.headers.authorization ?? `ip:${request.ip}`;
    const key = createHash('sha256').update(caller).digest('base64url');
    let window = windows.get(key);
    if (!window || at - window.startedAt >= windowMs) {
      if (windows.size > 100_000) windows.clear();
      window = { startedAt: at, count: 0 };
      windows.set(key, window);
    }
    window.count += 1;
    if (window.count <= limit) return next();
    const retryAfter = Math.max(1, Math.ceil((window.startedAt + windowMs - at) / 1000));
    response
      .status(429)
      .setHeader('Retry-After', String(retryAfter))
      .type('application/problem+json')
      .send(
        JSON.stringify({
          type: problemType('too-many-requests'),
          title: 'Too many requests',
          status: 429,
          detail: `At most ${limit} writes per ${windowMs / 1000} s; try again in ${retryAfter} s.`,
          instance: request.originalUrl,
        }),
      );
  };
}
