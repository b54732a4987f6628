import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators';
import { InvalidToken, TokenSettings, verifyToken } from './principal';
import type { Role } from './roles';

export const AUTH_SECRET = Symbol('AUTH_SECRET');

/** Bearer JWT (HS256) on every route; 401 without a valid token, 403 without one of the route's roles. */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly settings: TokenSettings,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const request = context.switchToHttp().getRequest();
    const header: unknown = request.headers?.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw new UnauthorizedException('A bearer token is required.');
    try {
      request.principal = verifyToken(match[1], this.settings);
    } catch (error) {
      if (error instanceof InvalidToken)
        throw new UnauthorizedException(`The bearer token is invalid: ${error.message}`);
      throw error;
    }

    const allowed = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets) ?? [];
    if (!request.principal.roles.some((role: Role) => allowed.includes(role))) {
      throw new ForbiddenException(`This operation needs one of the roles: ${allowed.join(', ') || '(none)'}.`);
    }
    return true;
  }
}
