import { html, type SafeHtml } from '../html/html.js';

export function loginPage(next: string, failed: boolean): SafeHtml {
  return html`<h1>Sign in to the em console</h1>
<div class="card" style="max-width:460px">
${failed ? html`<p class="flash error">That token is not the one this server was started with.</p>` : ''}
<form method="post" action="/login">
<input type="hidden" name="next" value="${next}">
<p><label>Your name (recorded with your decisions)<br><input name="name" required maxlength="100" autocomplete="name"></label></p>
<p><label>Access token (EM_SERVE_TOKEN, or the one em serve printed)<br><input name="token" type="password" required autocomplete="current-password" size="40"></label></p>
<p><button class="primary" type="submit">Sign in</button></p></form></div>`;
}

export function errorPage(title: string, message: string): SafeHtml {
  return html`<h1>${title}</h1><div class="card"><p>${message}</p><p><a href="/queue">Back to the queue</a></p></div>`;
}
