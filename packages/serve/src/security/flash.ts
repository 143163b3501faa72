import { createHmac } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { sameSecret } from './access.js';

/** A one-time message for the next page (after a redirect), signed so no other site can plant one. */
export interface Flash {
  readonly text: string;
  readonly error?: boolean;
  /** The case just decided: the next page offers to undo it (key u). */
  readonly undo?: { readonly source_system: string; readonly source_id: string };
}

const COOKIE = 'em_flash';
const sign = (secret: Buffer, body: string) =>
  createHmac('sha256', secret).update(`flash:${body}`).digest('base64url');

export function setFlash(c: Context, secret: Buffer, flash: Flash): void {
  const body = Buffer.from(JSON.stringify(flash)).toString('base64url');
  setCookie(c, COOKIE, `${body}.${sign(secret, body)}`, {
    path: '/',
    httpOnly: true,
    sameSite: 'Strict',
    maxAge: 60,
  });
}

export function takeFlash(c: Context, secret: Buffer): Flash | null {
  const value = getCookie(c, COOKIE);
  if (!value) return null;
  deleteCookie(c, COOKIE, { path: '/' });
  const [body, signature] = value.split('.');
  if (!body || !signature || !sameSecret(signature, sign(secret, body))) return null;
  try {
    return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Flash;
  } catch {
    return null;
  }
}
