import type { ChatRequest, ChatResponse, ChatTransport } from '../ports/chat-transport.js';

/**
 * One `transport.complete` with a deadline: after `timeoutMs` the request's signal is aborted
 * and 'timeout' is returned at once, even if the transport ignores the signal (so nothing hangs).
 */
export async function completeWithDeadline(
  transport: ChatTransport,
  request: Omit<ChatRequest, 'signal'>,
  timeoutMs: number,
): Promise<ChatResponse | 'timeout'> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new Error(`no reply within ${timeoutMs} ms`));
      resolve('timeout');
    }, timeoutMs);
  });
  try {
    return await Promise.race([transport.complete({ ...request, signal: controller.signal }), deadline]);
  } catch (error) {
    if (controller.signal.aborted) return 'timeout';
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
