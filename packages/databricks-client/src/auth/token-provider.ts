import { EmError } from '@em/core';
import type { Runtime } from '../http/runtime.js';

/** Hands out a bearer token for each request; `invalidate` after a 401 forces a fresh one. */
export interface TokenProvider {
  token(): Promise<string>;
  /** Drop the cached token. Returns false when there is no way to get another (a PAT). */
  invalidate(): boolean;
  /** Every secret this provider holds, so error text can be scrubbed of them. */
  secrets(): string[];
  /** Which credential it holds (for the hint when a token is rejected). */
  readonly kind: 'pat' | 'oauth-m2m';
}

export class StaticTokenProvider implements TokenProvider {
  readonly kind = 'pat' as const;
  constructor(private readonly value: string) {}
  async token(): Promise<string> {
    return this.value;
  }
  invalidate(): boolean {
    return false;
  }
  secrets(): string[] {
    return [this.value];
  }
}

/** The token endpoint's reply (RFC 6749 §5.1). */
interface TokenReply {
  readonly access_token?: unknown;
  readonly expires_in?: unknown;
}

export interface OAuthM2mOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly runtime: Runtime;
  /** POST the form to `/oidc/v1/token` with these headers; resolves to the parsed JSON. */
  readonly requestToken: (headers: Record<string, string>, form: Record<string, string>) => Promise<unknown>;
  /** Renew this long before expiry (default 5 minutes; half the lifetime for short-lived tokens). */
  readonly refreshMarginMs?: number;
}

/**
 * OAuth machine-to-machine: client credentials against the workspace's `/oidc/v1/token`
 * (scope `all-apis`), cached and renewed before it expires; concurrent callers share one request.
 */
export class OAuthM2mTokenProvider implements TokenProvider {
  readonly kind = 'oauth-m2m' as const;
  private cached: { value: string; renewAt: number } | null = null;
  private pending: Promise<string> | null = null;

  constructor(private readonly options: OAuthM2mOptions) {}

  token(): Promise<string> {
    const { cached } = this;
    if (cached && this.options.runtime.now() < cached.renewAt) return Promise.resolve(cached.value);
    this.pending ??= this.fetch().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  invalidate(): boolean {
    this.cached = null;
    return true;
  }

  secrets(): string[] {
    return [this.options.clientSecret, ...(this.cached ? [this.cached.value] : [])];
  }

  private async fetch(): Promise<string> {
    const { clientId, clientSecret, runtime } = this.options;
    const basic = Buffer.from(`${clientId}:${clientSecret}`).toString('base64');
    const reply = (await this.options.requestToken(
      { authorization: `Basic ${basic}` },
      { grant_type: 'client_credentials', scope: 'all-apis' },
    )) as TokenReply;
    if (typeof reply?.access_token !== 'string' || reply.access_token === '') {
      throw new EmError(
        'Databricks OAuth token endpoint (/oidc/v1/token) replied without an access_token; check DATABRICKS_CLIENT_ID and that the service principal has an OAuth secret.',
      );
    }
    const lifetimeMs =
      (typeof reply.expires_in === 'number' && reply.expires_in > 0 ? reply.expires_in : 3600) * 1000;
    const margin = Math.min(this.options.refreshMarginMs ?? 5 * 60_000, lifetimeMs / 2);
    this.cached = { value: reply.access_token, renewAt: runtime.now() + lifetimeMs - margin };
    return reply.access_token;
  }
}
