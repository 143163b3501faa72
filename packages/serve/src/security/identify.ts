import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { type AccessPolicy, sameSecret, sessionUser } from './access.js';

export const SESSION_COOKIE = 'em_session';

export interface Identity {
  /** Recorded as decided_by. */
  readonly user: string;
  /** How the request proved it: a page session, a bearer token, the Apps proxy, or loopback. */
  readonly via: 'loopback' | 'session' | 'bearer' | 'databricks-app';
}

const APP_IDENTITY_HEADERS = ['x-forwarded-email', 'x-forwarded-preferred-username', 'x-forwarded-user'];

/** Who sent this request, or null when it must log in (token mode) or the proxy named no one. */
export function identify(policy: AccessPolicy, c: Context): Identity | null {
  if (policy.mode === 'local') return { user: policy.localUser, via: 'loopback' };
  if (policy.mode === 'databricks-app') {
    for (const header of APP_IDENTITY_HEADERS) {
      const value = c.req.header(header)?.trim();
      if (value) return { user: value, via: 'databricks-app' };
    }
    return null;
  }
  const auth = c.req.header('authorization');
  if (auth?.startsWith('Bearer ')) {
    if (!sameSecret(auth.slice(7).trim(), policy.token!)) return null;
    const named = c.req.header('x-em-user')?.trim();
    return { user: named ? named.slice(0, 100) : 'api-client', via: 'bearer' };
  }
  const user = sessionUser(policy, getCookie(c, SESSION_COOKIE));
  return user ? { user, via: 'session' } : null;
}
