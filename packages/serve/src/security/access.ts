import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Who may use the console and how they are named in the audit:
 * - local: bound to a loopback address; no login, the OS user decides (page writes carry a CSRF token).
 * - token: any other bind; people log in with the token (a cookie follows), API clients send
 *   `Authorization: Bearer <token>`.
 * - databricks-app: behind the Databricks Apps proxy, which authenticates users and forwards
 *   their identity in X-Forwarded-Email / X-Forwarded-Preferred-Username / X-Forwarded-User.
 */
export type AccessMode = 'local' | 'token' | 'databricks-app';

export interface AccessPolicy {
  readonly mode: AccessMode;
  /** The shared token (token mode only). */
  readonly token: string | null;
  /** Name recorded for decisions in local mode. */
  readonly localUser: string;
  /** Signs session cookies and CSRF tokens; random per process. */
  readonly secret: Buffer;
}

export const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export const isLoopback = (host: string): boolean => LOOPBACK_HOSTS.has(host) || /^127\./.test(host);

/** A fresh random token (what `em serve` prints once when EM_SERVE_TOKEN is not set). */
export const generateToken = (): string => randomBytes(24).toString('base64url');

export function createAccessPolicy(options: {
  readonly mode: AccessMode;
  readonly token?: string | null;
  readonly localUser?: string;
}): AccessPolicy {
  if (options.mode === 'token' && !options.token) throw new Error('token mode needs a token');
  return {
    mode: options.mode,
    token: options.token ?? null,
    localUser: options.localUser ?? 'local-user',
    secret: randomBytes(32),
  };
}

export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const sign = (secret: Buffer, text: string): string =>
  createHmac('sha256', secret).update(text).digest('base64url');

/** A session cookie value naming the person: `name.signature` (the token itself never goes in a cookie). */
export function sessionCookie(policy: AccessPolicy, name: string): string {
  const encoded = Buffer.from(name).toString('base64url');
  return `${encoded}.${sign(policy.secret, `session:${encoded}`)}`;
}

/** The person a session cookie names, or null when it is missing or forged. */
export function sessionUser(policy: AccessPolicy, cookie: string | undefined): string | null {
  if (!cookie) return null;
  const [encoded, signature] = cookie.split('.');
  if (!encoded || !signature || !sameSecret(signature, sign(policy.secret, `session:${encoded}`)))
    return null;
  return Buffer.from(encoded, 'base64url').toString('utf8');
}

/** The CSRF token for one user's pages: forms carry it, page writes without it are refused. */
export const csrfToken = (policy: AccessPolicy, user: string): string => sign(policy.secret, `csrf:${user}`);
