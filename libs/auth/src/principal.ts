import jwt from 'jsonwebtoken';
import { isRole, Role } from './roles';

/** The caller, as the bearer token names them. */
export interface Principal {
  sub: string;
  name: string;
  roles: Role[];
  /** Optional restriction, e.g. regions or projects the caller may act on. */
  scope?: string;
}

export class InvalidToken extends Error {}

const ALGORITHM = 'HS256';

export function verifyToken(token: string, secret: string): Principal {
  let claims: jwt.JwtPayload;
  try {
    const decoded = jwt.verify(token, secret, { algorithms: [ALGORITHM] });
    if (typeof decoded === 'string') throw new InvalidToken('token payload is not a claims object');
    claims = decoded;
  } catch (error) {
    throw error instanceof InvalidToken ? error : new InvalidToken((error as Error).message);
  }
  if (typeof claims.sub !== 'string' || claims.sub.length === 0) throw new InvalidToken('token has no sub claim');
  if (!Array.isArray(claims.roles)) throw new InvalidToken('token has no roles claim');
  return {
    sub: claims.sub,
    name: typeof claims.name === 'string' ? claims.name : claims.sub,
    roles: claims.roles.filter((r: unknown): r is Role => typeof r === 'string' && isRole(r)),
    scope: typeof claims.scope === 'string' ? claims.scope : undefined,
  };
}

export function signToken(principal: Principal, secret: string, expiresInSeconds = 8 * 3600): string {
  const { sub, ...claims } = principal;
  return jwt.sign(claims, secret, { algorithm: ALGORITHM, subject: sub, expiresIn: expiresInSeconds });
}
