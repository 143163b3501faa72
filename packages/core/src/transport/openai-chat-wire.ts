import { z } from 'zod';
import type { ChatRequest, ChatResponse } from '../ports/chat-transport.js';

/** How a reply is constrained: a strict JSON schema, any JSON object, or only by the prompt. */
export type ResponseFormatMode = 'json_schema' | 'json_object' | 'none';

/**
 * The OpenAI chat-completions request body, as every OpenAI-compatible endpoint takes it
 * (OpenAI, vLLM, Ollama, Databricks Foundation Model APIs). `model` is left out when the URL
 * names the model (Databricks serving endpoints).
 */
export function chatCompletionBody(
  request: ChatRequest,
  mode: ResponseFormatMode = 'json_schema',
  options: { includeModel?: boolean } = {},
): Record<string, unknown> {
  const schema = request.jsonSchema;
  return {
    ...(options.includeModel !== false && { model: request.model }),
    messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
    ...(request.temperature !== undefined && { temperature: request.temperature }),
    ...(request.maxTokens !== undefined && { max_tokens: request.maxTokens }),
    ...(schema && mode === 'json_object' && { response_format: { type: 'json_object' } }),
    ...(schema &&
      mode === 'json_schema' && {
        response_format: {
          type: 'json_schema',
          json_schema: { name: schema.name, schema: schema.schema, strict: true },
        },
      }),
  };
}

/** The minimal shape of a chat-completions reply: only what we read, everything else ignored. */
const ChatCompletion = z.object({
  model: z.string().nullish(),
  choices: z
    .array(
      z.object({
        message: z
          .object({
            content: z
              .union([
                z.string(),
                z.array(z.union([z.string(), z.object({ text: z.string().nullish() }).loose()])),
              ])
              .nullish(),
            refusal: z.string().nullish(),
          })
          .nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .nullish(),
  usage: z.object({ prompt_tokens: z.number().nullish(), completion_tokens: z.number().nullish() }).nullish(),
});

/** Read a chat-completions body into a `ChatResponse`, or say what was wrong with it. */
export function readChatCompletion(
  body: unknown,
  requestedModel: string,
): ChatResponse | { problem: string } {
  const parsed = ChatCompletion.safeParse(body);
  if (!parsed.success)
    return { problem: `unexpected response shape (${parsed.error.issues[0]?.message ?? 'invalid'})` };
  const { choices, usage, model } = parsed.data;
  const first = choices?.[0];
  if (!first) return { problem: 'the reply has no choices' };
  const content = first.message?.content;
  const text = Array.isArray(content)
    ? content.map((part) => (typeof part === 'string' ? part : (part.text ?? ''))).join('')
    : (content ?? '');
  return {
    content: text,
    refusal: first.message?.refusal ?? null,
    finishReason: first.finish_reason ?? null,
    usage: { promptTokens: usage?.prompt_tokens ?? 0, completionTokens: usage?.completion_tokens ?? 0 },
    model: model ?? requestedModel,
  };
}
