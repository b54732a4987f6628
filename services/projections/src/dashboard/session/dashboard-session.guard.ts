import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ROLES_KEY, type Role } from '@cx/auth';
import { SERVICE_CONFIG, type ServiceConfig } from '@cx/platform';
import { sessionPrincipal, tokenSettings } from './dashboard-session';
import { SignInRequired } from './sign-in-required.error';

/**
 * The dashboard's counterpart of the bearer guard (its routes are @Public to that one): the session cookie's
 * token, verified the same way, then the page's roles: a page the caller's roles may not see is 403.
 */
@Injectable()
export class DashboardSessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest();
    const principal = sessionPrincipal(request, tokenSettings(this.config));
    if (!principal) throw new SignInRequired();
    request.principal = principal;
    const allowed = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (!allowed || !principal.roles.some((role) => allowed.includes(role))) {
      throw new ForbiddenException(`This page needs one of the roles: ${(allowed ?? []).join(', ') || '(none)'}.`);
    }
    return true;
  }
}
