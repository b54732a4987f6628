import { Body, Controller, Get, HttpStatus, Inject, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { InvalidToken, type Principal, Public, verifyToken } from '@cx/auth';
import { SERVICE_CONFIG, type ServiceConfig } from '@cx/platform';
import type { Request, Response } from 'express';
import { DashboardErrorFilter } from '../dashboard-error.filter';
import { pagesFor } from '../dashboard-pages';
import {
  endSession,
  fromOwnOrigin,
  sessionPrincipal,
  SIGN_IN_PATH,
  startSession,
  tokenSettings,
} from './dashboard-session';
import { SignInForm } from './sign-in.form';
import { signInPage } from './sign-in.html';

/** Sign-in with a pasted token, sign-out, and the dashboard's front door. */
@Public()
@ApiExcludeController()
@UseFilters(DashboardErrorFilter)
@Controller('dashboard')
export class SignInController {
  constructor(@Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {}

  /** The first page the caller may see, or the sign-in form. */
  @Get()
  home(@Req() request: Request, @Res() response: Response): void {
    const principal = sessionPrincipal(request, tokenSettings(this.config));
    const first = pagesFor(principal ?? undefined)[0];
    response.redirect(HttpStatus.SEE_OTHER, first?.path ?? SIGN_IN_PATH);
  }

  @Get('sign-in')
  form(@Res() response: Response): void {
    response.type('html').send(signInPage());
  }

  @Post('sign-in')
  signIn(@Body() form: SignInForm, @Req() request: Request, @Res() response: Response): void {
    if (!fromOwnOrigin(request)) {
      response.status(HttpStatus.FORBIDDEN).type('html').send(signInPage('Sign in from the dashboard’s own page.'));
      return;
    }
    const token = form.token.trim().replace(/^Bearer\s+/i, '');
    let principal: Principal;
    try {
      principal = verifyToken(token, tokenSettings(this.config));
    } catch (error) {
      if (!(error instanceof InvalidToken)) throw error;
      response
        .status(HttpStatus.UNAUTHORIZED)
        .type('html')
        .send(signInPage(`The token is not valid: ${error.message}.`));
      return;
    }
    if (pagesFor(principal).length === 0) {
      response
        .status(HttpStatus.FORBIDDEN)
        .type('html')
        .send(signInPage(`No dashboard page is open to the roles ${principal.roles.join(', ') || '(none)'}.`));
      return;
    }
    startSession(request, response, token);
    response.redirect(HttpStatus.SEE_OTHER, '/dashboard');
  }

  @Post('sign-out')
  signOut(@Req() request: Request, @Res() response: Response): void {
    if (!fromOwnOrigin(request)) {
      response.status(HttpStatus.FORBIDDEN).type('html').send(signInPage('Sign out from the dashboard’s own page.'));
      return;
    }
    endSession(request, response);
    response.redirect(HttpStatus.SEE_OTHER, SIGN_IN_PATH);
  }
}
