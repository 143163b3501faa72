import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: http.IncomingHttpHeaders;
  readonly text: string;
  /** The body parsed as JSON, or null. */
  readonly body: any;
}

export interface Reply {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  /** JSON-encoded unless a string (sent verbatim, e.g. malformed JSON). */
  readonly body?: unknown;
  /** Never answer (until the server closes): a slow response past any timeout. */
  readonly hang?: boolean;
}

export type Handler = (request: RecordedRequest) => Reply | Promise<Reply>;

interface Route {
  readonly method: string;
  readonly path: RegExp;
  readonly handler: Handler;
}

/**
 * A real HTTP server on 127.0.0.1:<random port> that records every request and answers from
 * routes; `once` queues one-shot replies (429, 503, malformed JSON, a hang) served before the
 * route's normal handler.
 */
export class FakeServer {
  readonly requests: RecordedRequest[] = [];
  private readonly routes: Route[] = [];
  private readonly queued: { method: string; path: RegExp; reply: Reply }[] = [];
  private readonly server: http.Server;
  url = '';

  private constructor() {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        void this.handle(req, Buffer.concat(chunks).toString('utf8'), res);
      });
    });
  }

  static async start(): Promise<FakeServer> {
    const server = new FakeServer();
    await new Promise<void>((resolve) => server.server.listen(0, '127.0.0.1', resolve));
    server.url = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
    return server;
  }

  route(method: string, path: RegExp, handler: Handler): this {
    this.routes.unshift({ method, path, handler });
    return this;
  }

  once(method: string, path: RegExp, ...replies: Reply[]): this {
    for (const reply of replies) this.queued.push({ method, path, reply });
    return this;
  }

  /** Requests whose method and path match. */
  calls(method: string, path: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path));
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, text: string, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    let body: unknown = null;
    try {
      body = text === '' ? null : JSON.parse(text);
    } catch {
      body = null;
    }
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      text,
      body,
    };
    this.requests.push(request);
    const matches = (r: { method: string; path: RegExp }) =>
      r.method === request.method && r.path.test(request.path);
    const q = this.queued.findIndex(matches);
    let reply: Reply;
    if (q >= 0) reply = this.queued.splice(q, 1)[0]!.reply;
    else {
      const route = this.routes.find(matches);
      try {
        reply = route
          ? await route.handler(request)
          : {
              status: 404,
              body: {
                error_code: 'ENDPOINT_NOT_FOUND',
                message: `No route ${request.method} ${request.path}`,
              },
            };
      } catch (error) {
        reply = { status: 500, body: { error_code: 'INTERNAL_ERROR', message: (error as Error).message } };
      }
    }
    if (reply.hang) return;
    const payload =
      typeof reply.body === 'string'
        ? reply.body
        : reply.body === undefined
          ? ''
          : JSON.stringify(reply.body);
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
    res.end(payload);
  }
}
