import type { ChatResponse } from '@em/core';
import { z } from 'zod';

/** The minimal shape of a chat-completions reply: only what we read, everything else ignored. */
const ChatCompletion = z.object({
  model: z.string().nullish(),
  choices: z
    .array(
      z.object({
        message: z
          .object({
            content: z
              .union([z.string(), z.array(z.object({ text: z.string().nullish() }).loose())])
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

/** Read a chat-completions body into a `ChatResponse`, or return what was wrong with it. */
export function readChatCompletion(
  body: unknown,
  requestedModel: string,
): ChatResponse | { problem: string } {
  const parsed = ChatCompletion.safeParse(body);
  if (!parsed.success)
    return { problem: `unexpected response shape (${parsed.error.issues[0]?.message ?? 'invalid'})` };
  const { choices, usage, model } = parsed.data;
  const first = choices?.[0];
  const content = first?.message?.content;
  const text = Array.isArray(content) ? content.map((part) => part.text ?? '').join('') : (content ?? '');
  return {
    content: text,
    refusal: first?.message?.refusal ?? null,
    finishReason: first?.finish_reason ?? null,
    usage: { promptTokens: usage?.prompt_tokens ?? 0, completionTokens: usage?.completion_tokens ?? 0 },
    model: model ?? requestedModel,
  };
}
