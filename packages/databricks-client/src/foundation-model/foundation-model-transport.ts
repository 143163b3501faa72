import { type ChatRequest, type ChatResponse, type ChatTransport, EmError } from '@em/core';
import type { DatabricksHttp } from '../http/databricks-http.js';

interface ChatReply {
  readonly model?: string;
  readonly choices?: readonly {
    readonly message?: { readonly content?: unknown; readonly refusal?: unknown };
    readonly finish_reason?: string | null;
  }[];
  readonly usage?: { readonly prompt_tokens?: number; readonly completion_tokens?: number };
}

/** Message content is a string, or (some models) a list of parts `{ type: 'text', text }`. */
function text(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((part) => (typeof part === 'string' ? part : typeof part?.text === 'string' ? part.text : ''))
      .join('');
  }
  return '';
}

/** The OpenAI-compatible chat body Databricks Foundation Model APIs take. */
export function chatBody(request: ChatRequest) {
  return {
    messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
    ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
    ...(request.maxTokens === undefined ? {} : { max_tokens: request.maxTokens }),
    ...(request.jsonSchema
      ? {
          response_format: {
            type: 'json_schema',
            json_schema: { name: request.jsonSchema.name, schema: request.jsonSchema.schema, strict: true },
          },
        }
      : {}),
  };
}

/**
 * ChatTransport over Databricks Foundation Model APIs (`POST /serving-endpoints/{model}/invocations`,
 * OpenAI-compatible chat with a JSON-schema response format). The prompt, parsing and policy live
 * in core's adjudicator; this only moves messages and reports token usage.
 */
export class FoundationModelChatTransport implements ChatTransport {
  constructor(private readonly http: DatabricksHttp) {}

  async complete(request: ChatRequest): Promise<ChatResponse> {
    const reply = await this.http.call<ChatReply>({
      method: 'POST',
      path: `/serving-endpoints/${encodeURIComponent(request.model)}/invocations`,
      idempotent: true,
      body: chatBody(request),
      ...(request.signal ? { signal: request.signal } : {}),
    });
    const choice = reply.choices?.[0];
    if (!choice) throw new EmError(`Foundation model ${request.model} replied without choices.`);
    return {
      content: text(choice.message?.content),
      refusal: typeof choice.message?.refusal === 'string' ? choice.message.refusal : null,
      finishReason: choice.finish_reason ?? null,
      usage: {
        promptTokens: reply.usage?.prompt_tokens ?? 0,
        completionTokens: reply.usage?.completion_tokens ?? 0,
      },
      model: reply.model ?? request.model,
    };
  }
}
