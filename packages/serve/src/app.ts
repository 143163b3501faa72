import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { setCookie } from 'hono/cookie';
import { registerApi } from './api/api-routes.js';
import { type ConsoleContext, LIMITS } from './console-context.js';
import type { ConsoleEnv } from './console-env.js';
import { CONSOLE_CSS, CONSOLE_JS } from './html/assets.js';
import { layout } from './html/layout.js';
import { HttpError, httpErrorOf } from './http-errors.js';
import { registerPages } from './page-routes.js';
import { errorPage, loginPage } from './pages/login-page.js';
import { csrfToken, sameSecret, sessionCookie } from './security/access.js';
import { identify, SESSION_COOKIE } from './security/identify.js';

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

const isApi = (path: string) => path.startsWith('/v1/') || path === '/openapi.json';
/** Where to go after logging in: a path on this server only. */
const safeNext = (next: unknown) => (typeof next === 'string' && /^\/(?!\/)/.test(next) ? next : '/queue');

/**
 * The console as a Hono app: pages, the /v1 API, login (token mode), the checks every request
 * passes (identity, size limits, CSRF on page writes, JSON-only API writes) and error pages.
 */
export function createConsoleApp(ctx: ConsoleContext): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const secrets = [ctx.policy.token];
  const frame = (title: string, page: 'login' | 'error', user: string | null = null) => ({
    title,
    page,
    store: ctx.store.label,
    user,
    csrf: null,
  });

  app.use('*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
  });

  app.onError((error, c) => {
    const e = httpErrorOf(error, secrets);
    if (e.status === 503) c.header('Retry-After', '2');
    if (isApi(c.req.path)) {
      return c.json({ error: e.message, ...(e.issues ? { issues: e.issues } : {}) }, e.status);
    }
    const body = errorPage(
      e.status === 503 ? 'Busy' : e.status === 404 ? 'Not found' : 'Cannot do that',
      e.message,
    );
    const user = c.get('identity')?.user ?? null;
    return c.html(
      layout({ ...frame('Error', 'error', user), ...(e.status === 503 ? { refresh: 2 } : {}) }, body).text,
      e.status,
    );
  });
  app.notFound((c) => {
    throw new HttpError(404, `No page or endpoint at ${c.req.path}.`);
  });

  app.get('/assets/console.css', (c) =>
    c.body(CONSOLE_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' }),
  );
  app.get('/assets/console.js', (c) =>
    c.body(CONSOLE_JS, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }),
  );

  // Size limits before anything reads a body.
  const tooLarge = (limit: number) => () => {
    throw new HttpError(
      413,
      `The request body is over ${Math.round(limit / 1024)} KiB; send less (at most 1,000 records per match call).`,
    );
  };
  app.use('/v1/*', bodyLimit({ maxSize: LIMITS.apiBodyBytes, onError: tooLarge(LIMITS.apiBodyBytes) }));
  app.on(
    ['POST', 'PUT', 'PATCH', 'DELETE'],
    ['/case/*', '/login', '/logout'],
    bodyLimit({ maxSize: LIMITS.formBodyBytes, onError: tooLarge(LIMITS.formBodyBytes) }),
  );

  if (ctx.policy.mode === 'token') {
    app.get('/login', (c) =>
      c.html(layout(frame('Sign in', 'login'), loginPage(safeNext(c.req.query('next')), false)).text),
    );
    app.post('/login', async (c) => {
      const form = await c.req.parseBody();
      const name = String(form.name ?? '')
        .trim()
        .slice(0, 100);
      if (typeof form.token !== 'string' || !sameSecret(form.token, ctx.policy.token!) || name === '') {
        return c.html(layout(frame('Sign in', 'login'), loginPage(safeNext(form.next), true)).text, 401);
      }
      setCookie(c, SESSION_COOKIE, sessionCookie(ctx.policy, name), {
        path: '/',
        httpOnly: true,
        sameSite: 'Strict',
        secure: new URL(c.req.url).protocol === 'https:',
        maxAge: 12 * 3600,
      });
      return c.redirect(safeNext(form.next), 303);
    });
  }

  // Identity: loopback, a session cookie or bearer token, or the Databricks Apps proxy's headers.
  app.use('*', async (c, next) => {
    if (c.req.path === '/healthz') return next();
    const identity = identify(ctx.policy, c);
    if (!identity) {
      if (isApi(c.req.path) || ctx.policy.mode === 'databricks-app' || c.req.method !== 'GET') {
        const message =
          ctx.policy.mode === 'databricks-app'
            ? 'The Databricks Apps proxy named no user (X-Forwarded-Email); open the app through the workspace.'
            : 'This server needs its token: send `Authorization: Bearer <token>` (EM_SERVE_TOKEN, or the one em serve printed).';
        if (isApi(c.req.path)) return c.json({ error: message }, 401);
        return c.html(layout(frame('Sign in', 'error'), errorPage('Not signed in', message)).text, 401);
      }
      return c.redirect(
        `/login?next=${encodeURIComponent(c.req.path + (new URL(c.req.url).search ?? ''))}`,
        303,
      );
    }
    c.set('identity', identity);
    return next();
  });

  // Page writes carry the CSRF token of the user's pages; API writes must be JSON (no cross-site form can send it).
  app.on('POST', ['/case/*', '/logout'], async (c, next) => {
    const form = await c.req.parseBody();
    const token = typeof form._csrf === 'string' ? form._csrf : (c.req.header('x-csrf-token') ?? '');
    if (!sameSecret(token, csrfToken(ctx.policy, c.get('identity').user))) {
      throw new HttpError(
        403,
        'This form is stale or came from another site (no valid CSRF token); reload the page and try again.',
      );
    }
    c.set('form', form as Record<string, string | File>);
    return next();
  });

  registerApi(app, ctx);
  registerPages(app, ctx);
  return app;
}
