import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus, Inject } from '@nestjs/common';
import type { Principal } from '@cx/auth';
import { LOGGER, problemDetailsOf } from '@cx/platform';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { html } from './html';
import { layout } from './layout';
import { endSession, SIGN_IN_PATH } from './session/dashboard-session';

/**
 * The dashboard's errors as HTML pages, with the statuses the API gives the same errors (problemDetailsOf).
 * Without a valid session a page sends the browser to sign in; the page script's own requests get the 401.
 */
@Catch()
export class DashboardErrorFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const response = host.switchToHttp().getResponse<Response>();
    const problem = problemDetailsOf(exception);
    if (problem.status >= 500) this.logger.error({ err: exception, path: request.path }, 'dashboard page failed');
    if (response.headersSent) {
      response.end();
      return;
    }
    if (problem.status === HttpStatus.UNAUTHORIZED) {
      endSession(request, response);
      if (request.method === 'GET' && (request.get('accept') ?? '').includes('text/html')) {
        response.redirect(HttpStatus.SEE_OTHER, SIGN_IN_PATH);
      } else {
        response.status(HttpStatus.UNAUTHORIZED).type('text').send(problem.detail);
      }
      return;
    }
    const fieldErrors = problem.errors ?? [];
    response
      .status(problem.status)
      .type('html')
      .send(
        layout({
          title: problem.title,
          principal: request.principal,
          body: html`<h1>${problem.title}</h1>
            <p class="problem" role="alert">${problem.detail}</p>
            ${
              fieldErrors.length > 0
                ? html`<ul>
                    ${fieldErrors.map((e) => html`<li><code>${e.field}</code>: ${e.messages.join('; ')}</li>`)}
                  </ul>`
                : ''
            }
            <p><a href="/dashboard">Back to the dashboard</a></p>`,
        }),
      );
  }
}
