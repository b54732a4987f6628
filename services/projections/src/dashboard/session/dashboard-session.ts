import { InvalidToken, type Principal, type TokenSettings, verifyToken } from '@cx/auth';
import type { ServiceConfig } from '@cx/platform';
import type { Request, Response } from 'express';
import jwt from 'jsonwebtoken';

/** The pasted bearer token, kept in the browser where scripts cannot read it and other sites cannot send it. */
export const SESSION_COOKIE = 'cx_dashboard_session';
const COOKIE_PATH = '/dashboard';
export const SIGN_IN_PATH = '/dashboard/sign-in';

export const tokenSettings = (config: ServiceConfig): TokenSettings => ({
  secret: config.jwtSecret,
  issuer: config.jwtIssuer,
  audience: config.jwtAudience,
});

function cookieValue(request: Request, name: string): string | undefined {
  for (const pair of (request.headers.cookie ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return undefined;
}

/** The caller of a page: the session's token verified as the API guard verifies a bearer token, every time. */
export function sessionPrincipal(request: Request, settings: TokenSettings): Principal | null {
  const token = cookieValue(request, SESSION_COOKIE);
  if (!token) return null;
  try {
    return verifyToken(token, settings);
  } catch (error) {
    if (error instanceof InvalidToken) return null;
    throw error;
  }
}

/** Behind TLS the cookie is Secure; a proxy that ends TLS says so with X-Forwarded-Proto. */
const overTls = (request: Request) => request.secure || request.get('x-forwarded-proto') === 'https';

/** Keeps a verified token until it expires (its `exp`). */
export function startSession(request: Request, response: Response, token: string): void {
  const { exp } = jwt.decode(token) as { exp: number };
  const maxAge = Math.max(0, exp - Math.floor(Date.now() / 1000));
  response.setHeader(
    'Set-Cookie',
    `${SESSION_COOKIE}=${token}; Path=${COOKIE_PATH}; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${overTls(request) ? '; Secure' : ''}`,
  );
}

export function endSession(request: Request, response: Response): void {
  response.setHeader(
    'Set-Cookie',
    `${SESSION_COOKIE}=; Path=${COOKIE_PATH}; Max-Age=0; HttpOnly; SameSite=Strict${overTls(request) ? '; Secure' : ''}`,
  );
}

/**
 * Forms that change the session must come from the dashboard's own pages: the browser's Origin header (sent on
 * every cross-site POST) must name this host; without it, Fetch Metadata must say same-origin.
 */
export function fromOwnOrigin(request: Request): boolean {
  const origin = request.get('origin');
  if (origin === undefined) return request.get('sec-fetch-site') === 'same-origin';
  try {
    return new URL(origin).host === request.get('host');
  } catch {
    return false;
  }
}
