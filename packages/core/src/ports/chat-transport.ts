/**
 * The one thing an LLM adjudicator needs from an endpoint: an OpenAI-compatible
 * chat completion. Engines implement it over their own HTTP policy (any
 * OpenAI-compatible base URL, or Databricks Foundation Model APIs); the prompt,
 * parsing and policy live once in core.
 */
export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

export interface ChatRequest {
  readonly model: string;
  readonly messages: readonly ChatMessage[];
  readonly temperature?: number;
  readonly maxTokens?: number;
  /** JSON schema for `response_format: { type: 'json_schema', json_schema: { name, schema, strict } }`, when supported. */
  readonly jsonSchema?: { readonly name: string; readonly schema: Record<string, unknown> };
  readonly signal?: AbortSignal;
}

export interface ChatResponse {
  /** The assistant message text ('' when the endpoint returned none). */
  readonly content: string;
  /** `refusal` text when the model refused, else null. */
  readonly refusal: string | null;
  readonly finishReason: string | null;
  readonly usage: { readonly promptTokens: number; readonly completionTokens: number };
  readonly model: string;
}

export interface ChatTransport {
  complete(request: ChatRequest): Promise<ChatResponse>;
}
