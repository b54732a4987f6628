import { createSecretKey, KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { isRole, Role } from './roles';
import { SCOPE_ENTRY } from './scope';

/** The caller, as the bearer token names them. */
export interface Principal {
  sub: string;
  name: string;
  roles: Role[];
  /** Optional restriction to regions and projects: `region:<code>` / `project:<code>` entries (see scope.ts). */
  scope?: string;
}

export class InvalidToken extends Error {}

const ALGORITHM = 'HS256';

/** Who issues the platform's tokens and for whom; overridden by AUTH_JWT_ISSUER / AUTH_JWT_AUDIENCE. */
export const DEFAULT_TOKEN_ISSUER = 'cx-platform';
export const DEFAULT_TOKEN_AUDIENCE = 'cx-platform';

export interface TokenSettings {
  secret: string;
  issuer?: string;
  audience?: string;
}

let verificationKey: { secret: string; key: KeyObject } | undefined;

/**
 * The secret as a key object, made once: given a string, jsonwebtoken first tries to read it as a public key
 * and fails (an exception per request: about a tenth of a filing's CPU here), then makes the secret key.
 */
function keyFor(secret: string): KeyObject {
  if (verificationKey?.secret !== secret) verificationKey = { secret, key: createSecretKey(Buffer.from(secret)) };
  return verificationKey.key;
}

/**
 * HS256 only (`none` and every other algorithm refused), signature, issuer, audience, expiry (required) and
 * not-before (when present) checked; sub and roles required.
 */
export function verifyToken(token: string, settings: TokenSettings | string): Principal {
  const {
    secret,
    issuer = DEFAULT_TOKEN_ISSUER,
    audience = DEFAULT_TOKEN_AUDIENCE,
  } = typeof settings === 'string' ? { secret: settings } : settings;
  let claims: jwt.JwtPayload;
  try {
    const decoded = jwt.verify(token, keyFor(secret), { algorithms: [ALGORITHM], issuer, audience });
    if (typeof decoded === 'string') throw new InvalidToken('token payload is not a claims object');
    claims = decoded;
  } catch (error) {
    throw error instanceof InvalidToken ? error : new InvalidToken((error as Error).message);
  }
  if (typeof claims.exp !== 'number') throw new InvalidToken('token has no expiry (exp)');
  if (typeof claims.sub !== 'string' || claims.sub.length === 0) throw new InvalidToken('token has no sub claim');
  if (!Array.isArray(claims.roles)) throw new InvalidToken('token has no roles claim');
  if (claims.scope !== undefined && !validScope(claims.scope)) {
    throw new InvalidToken('token scope must be region:<code> and project:<code> entries separated by spaces');
  }
  return {
    sub: claims.sub,
    name: typeof claims.name === 'string' ? claims.name : claims.sub,
    roles: claims.roles.filter((r: unknown): r is Role => typeof r === 'string' && isRole(r)),
    scope: claims.scope as string | undefined,
  };
}

/** A scope that cannot be read must not turn into "no limit": the token is refused instead. */
function validScope(scope: unknown): boolean {
  if (typeof scope !== 'string') return false;
  const entries = scope.split(/\s+/).filter(Boolean);
  return entries.length > 0 && entries.every((e) => SCOPE_ENTRY.test(e));
}

export function signToken(principal: Principal, settings: TokenSettings | string, expiresInSeconds = 8 * 3600): string {
  const {
    secret,
    issuer = DEFAULT_TOKEN_ISSUER,
    audience = DEFAULT_TOKEN_AUDIENCE,
  } = typeof settings === 'string' ? { secret: settings } : settings;
  const { sub, ...claims } = principal;
  return jwt.sign(claims, secret, {
    algorithm: ALGORITHM,
    subject: sub,
    expiresIn: expiresInSeconds,
    issuer,
    audience,
  });
}
