import { userInfo } from 'node:os';
import { type CascadeConfig, parseCascadeConfig } from '@em/core';
import { serve } from '@hono/node-server';
import { createConsoleApp } from './app.js';
import { MatchService } from './match/match-service.js';
import { type AccessMode, createAccessPolicy, generateToken, isLoopback } from './security/access.js';
import type { ConsoleStore } from './store/console-store.js';
import { DuckDbConsoleStore } from './store/duckdb-store.js';

export interface ServeOptions {
  /** The em DuckDB file; or give `store` (e.g. the Databricks one). */
  readonly dbPath?: string;
  readonly store?: ConsoleStore;
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  readonly config?: CascadeConfig;
  /** Token for a non-loopback bind; default EM_SERVE_TOKEN, else one is generated (see `generatedToken`). */
  readonly token?: string | null;
  /** Trust the Databricks Apps proxy's identity headers instead of a token. */
  readonly databricksApp?: boolean;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export interface RunningConsole {
  readonly url: string;
  readonly mode: AccessMode;
  /** Set when the server made up its token: print it once. */
  readonly generatedToken: string | null;
  close(): Promise<void>;
}

function localUser(env: Readonly<Record<string, string | undefined>>): string {
  if (env.USER) return env.USER;
  try {
    return userInfo().username;
  } catch {
    return 'local-user';
  }
}

/** Start the console; resolves once it listens. */
export async function startConsole(options: ServeOptions): Promise<RunningConsole> {
  const env = options.env ?? {};
  const host = options.host ?? '127.0.0.1';
  const config = options.config ?? parseCascadeConfig({});
  let store = options.store;
  let matcher: MatchService | null = null;
  if (!store) {
    if (!options.dbPath) throw new Error('startConsole needs dbPath or store');
    const duck = new DuckDbConsoleStore(options.dbPath);
    await duck.prepare();
    matcher = new MatchService(duck, config);
    store = duck;
  }
  const mode: AccessMode = options.databricksApp ? 'databricks-app' : isLoopback(host) ? 'local' : 'token';
  const given = options.token ?? env.EM_SERVE_TOKEN ?? null;
  const generatedToken = mode === 'token' && !given ? generateToken() : null;
  const policy = createAccessPolicy({
    mode,
    token: mode === 'token' ? (given ?? generatedToken) : null,
    localUser: localUser(env),
  });
  const app = createConsoleApp({ store, policy, config, matcher });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: host, port: options.port ?? 8787 }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const shownHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? 'localhost' : host;
  if (matcher) void matcher.ready().catch(() => undefined);
  return {
    url: `http://${shownHost}:${port}`,
    mode,
    generatedToken,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await matcher?.close();
    },
  };
}
