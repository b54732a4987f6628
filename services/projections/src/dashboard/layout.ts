import type { Principal } from '@cx/auth';
import { pagesFor } from './dashboard-pages';
import { html, Html, HtmlPart } from './html';

export const ASSETS = '/dashboard/assets';

export interface PageShell {
  title: string;
  /** The page's path, marked as current in the navigation. */
  path?: string;
  principal?: Principal;
  body: HtmlPart;
  /** Pages with charts load the chart library before the dashboard script. */
  charts?: boolean;
}

function navigation(principal: Principal | undefined, current: string | undefined): Html {
  if (!principal) return html``;
  return html`<nav aria-label="Dashboard pages">
      <ul>
        ${pagesFor(principal).map(
          (page) =>
            html`<li>
              <a href="${page.path}" ${page.path === current ? html` aria-current="page"` : ''}>${page.title}</a>
            </li>`,
        )}
      </ul>
    </nav>
    <form class="sign-out" method="post" action="/dashboard/sign-out">
      <span>${principal.name} (${principal.roles.join(', ')}${principal.scope ? `; ${principal.scope}` : ''})</span>
      <button type="submit">Sign out</button>
    </form>`;
}

/** Every page: skip link, navigation of the pages the caller's roles may see, the content, scripts last. */
export function layout({ title, path, principal, body, charts = false }: PageShell): string {
  return `<!doctype html>${html`<html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>${title} · cx-platform dashboard</title>
      <link rel="icon" href="${ASSETS}/favicon.svg" type="image/svg+xml" />
      <link rel="stylesheet" href="${ASSETS}/dashboard.css" />
    </head>
    <body>
      <a class="skip-link" href="#main">Skip to content</a>
      <header>
        <p class="brand">cx-platform</p>
        ${navigation(principal, path)}
      </header>
      <main id="main" tabindex="-1">${body}</main>
      ${charts ? html`<script src="${ASSETS}/chart.umd.min.js"></script>` : ''}
      <script src="${ASSETS}/dashboard.js"></script>
    </body>
  </html> `}`;
}
