// A real local HTTP server that speaks chat completions from a script, recording every request.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  // biome-ignore lint/suspicious/noExplicitAny: request bodies are inspected freely in tests
  readonly body: any;
}

export interface ScriptedReply {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
}
/** A reply, 'hang' (never answer), or a function of the request. */
export type ScriptStep = ScriptedReply | 'hang' | ((request: RecordedRequest) => ScriptedReply | 'hang');

/** An OpenAI-style completion whose message content is `content`. */
export const completion = (
  content: string | null,
  extra: { refusal?: string; finishReason?: string; promptTokens?: number; completionTokens?: number } = {},
): ScriptedReply => ({
  body: {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    model: 'test-model-2025',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: extra.refusal ?? null },
        finish_reason: extra.finishReason ?? 'stop',
      },
    ],
    usage: {
      prompt_tokens: extra.promptTokens ?? 420,
      completion_tokens: extra.completionTokens ?? 38,
      total_tokens: 458,
    },
  },
});

export const answer = (
  choice: string,
  confidence = 0.93,
  reasoning = 'ticker and country agree',
): ScriptedReply => completion(JSON.stringify({ choice, confidence, reasoning }));

export interface ChatServer {
  readonly baseUrl: string;
  readonly requests: RecordedRequest[];
  /** Steps used in order; when they run out, `fallback` answers (default: HTTP 500). */
  script(steps: ScriptStep[], fallback?: ScriptStep): void;
  close(): Promise<void>;
}

export async function startChatServer(): Promise<ChatServer> {
  const requests: RecordedRequest[] = [];
  let steps: ScriptStep[] = [];
  let fallback: ScriptStep = { status: 500, body: { error: { message: 'script ran out' } } };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: text === '' ? null : JSON.parse(text),
      };
      requests.push(recorded);
      const step = steps.shift() ?? fallback;
      const reply = typeof step === 'function' ? step(recorded) : step;
      if (reply === 'hang') return;
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
      res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    script(next, otherwise) {
      steps = [...next];
      if (otherwise) fallback = otherwise;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
