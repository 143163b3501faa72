import { EmError } from '../errors.js';
import type { ChatMessage, ChatRequest, ChatResponse, ChatTransport } from '../ports/chat-transport.js';
import { completeWithDeadline } from './call-with-deadline.js';
import { type ParsedAdjudicationReply, parseAdjudicationReply } from './parse-adjudication-reply.js';

/** Why a case could not be decided, as counted in the adjudicator's stats. */
export type AdjudicationFailureKind =
  | 'invalid_choice'
  | 'malformed'
  | 'refusal'
  | 'empty'
  | 'timeout'
  | 'endpoint'
  | 'budget'
  | 'no_candidates'
  /** Not called: the circuit breaker had opened (the endpoint kept failing). */
  | 'circuit_open';

export type AttemptOutcome =
  | {
      readonly kind: 'answer';
      readonly answer: Extract<ParsedAdjudicationReply, { ok: true }>;
      readonly response: ChatResponse;
    }
  /** Worth one more try (the model may answer better). */
  | {
      readonly kind: 'retry';
      readonly problem: AdjudicationFailureKind;
      readonly reason: string;
      readonly response: ChatResponse | null;
    }
  /**
   * The endpoint gave up on this request after its own retries: no point asking again here.
   * `endpointDown`: unreachable, 5xx or throttled (not a problem of this one request);
   * `httpCalls`: the HTTP requests made (the transport's retries included).
   */
  | {
      readonly kind: 'give_up';
      readonly problem: AdjudicationFailureKind;
      readonly reason: string;
      readonly endpointDown: boolean;
      readonly httpCalls: number;
    };

/** Statuses that concern this one request (too long, unprocessable), not the whole run. */
const REQUEST_SPECIFIC_STATUSES = new Set([400, 413, 422]);

const preview = (text: string): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 160)}…` : flat;
};

/**
 * A transport error that fails only this case: a retryable one the transport's HTTP policy
 * already retried (429, 5xx, network), or a request-specific 400/413/422. Anything else (a wrong
 * key, an unknown model, a bug) is rethrown so the run stops with the stage named.
 */
function endpointFailure(error: unknown): string | null {
  if (!EmError.isInstance(error)) return null;
  const status = (error as { status?: unknown }).status;
  if (error.isRetryable || (typeof status === 'number' && REQUEST_SPECIFIC_STATUSES.has(status))) {
    return `endpoint error: ${preview(error.message)}`;
  }
  return null;
}

/** Ask once and classify the reply. Throws only errors that should stop the run. */
export async function attemptAdjudication(
  transport: ChatTransport,
  request: Omit<ChatRequest, 'signal' | 'messages'> & { readonly messages: readonly ChatMessage[] },
  candidateIds: readonly string[],
  timeoutMs: number,
): Promise<AttemptOutcome> {
  let response: ChatResponse | 'timeout';
  try {
    response = await completeWithDeadline(transport, request, timeoutMs);
  } catch (error) {
    const reason = endpointFailure(error);
    if (reason === null) throw error;
    const attempts = (error as { attempts?: unknown }).attempts;
    return {
      kind: 'give_up',
      problem: 'endpoint',
      reason,
      endpointDown: (error as EmError).isRetryable,
      httpCalls: typeof attempts === 'number' && attempts > 0 ? attempts : 1,
    };
  }
  if (response === 'timeout') {
    return { kind: 'retry', problem: 'timeout', reason: `no reply within ${timeoutMs} ms`, response: null };
  }
  if (response.refusal !== null && response.refusal.trim() !== '') {
    return {
      kind: 'retry',
      problem: 'refusal',
      reason: `model refused: "${preview(response.refusal)}"`,
      response,
    };
  }
  if (response.content.trim() === '') {
    const finish = response.finishReason ?? 'unknown';
    return { kind: 'retry', problem: 'empty', reason: `empty reply (finish_reason ${finish})`, response };
  }
  const parsed = parseAdjudicationReply(response.content, candidateIds);
  if (!parsed.ok) return { kind: 'retry', problem: parsed.problem, reason: parsed.reason, response };
  return { kind: 'answer', answer: parsed, response };
}
