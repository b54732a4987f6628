import { html } from '../html';
import { layout } from '../layout';

export function signInPage(problem?: string): string {
  return layout({
    title: 'Sign in',
    body: html`<h1>Sign in</h1>
      <p>
        Paste a bearer token of the platform (for development: <code>npm run -s token -- --role ceo_office</code>). It
        is kept in this browser until it expires or you sign out.
      </p>
      ${problem ? html`<p class="problem" role="alert">${problem}</p>` : ''}
      <form method="post" action="/dashboard/sign-in" class="sign-in">
        <label for="token">Token</label>
        <textarea id="token" name="token" rows="6" required autocomplete="off" spellcheck="false"></textarea>
        <button type="submit">Sign in</button>
      </form>`,
  });
}
