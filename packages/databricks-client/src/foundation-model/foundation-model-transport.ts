import { type ChatRequest, type ChatResponse, type ChatTransport, EmError } from '@em/core';
import { chatCompletionBody, readChatCompletion } from '@em/core/transport';
import type { DatabricksHttp } from '../http/databricks-http.js';

/**
 * ChatTransport over Databricks Foundation Model APIs (`POST /serving-endpoints/{model}/invocations`,
 * OpenAI-compatible chat with a JSON-schema response format). The prompt, parsing and policy live
 * in core's adjudicator; this only moves messages and reports token usage.
 */
export class FoundationModelChatTransport implements ChatTransport {
  constructor(private readonly http: DatabricksHttp) {}

  async complete(request: ChatRequest): Promise<ChatResponse> {
    const reply = await this.http.call<unknown>({
      method: 'POST',
      path: `/serving-endpoints/${encodeURIComponent(request.model)}/invocations`,
      idempotent: true,
      body: chatCompletionBody(request, 'json_schema', { includeModel: false }),
      ...(request.signal ? { signal: request.signal } : {}),
    });
    const read = readChatCompletion(reply, request.model);
    if ('problem' in read)
      throw new EmError(`Foundation model ${request.model} replied badly: ${read.problem}.`);
    return read;
  }
}
