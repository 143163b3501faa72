/** Databricks error replies: `{ error_code, message }`; OpenAI-style `{ error: { message, code } }` from some serving routes. */
export function parseErrorBody(text: string): { errorCode: string | null; message: string } {
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    const nested =
      typeof body.error === 'object' && body.error !== null ? (body.error as Record<string, unknown>) : null;
    const errorCode = body.error_code ?? nested?.code ?? nested?.type ?? null;
    const message = body.message ?? nested?.message ?? (typeof body.error === 'string' ? body.error : null);
    if (errorCode !== null || message !== null) {
      return {
        errorCode: errorCode === null ? null : String(errorCode),
        message: message === null ? '(no message)' : String(message),
      };
    }
  } catch {
    // not JSON: fall through to the raw text
  }
  // An HTML error page from the gateway: its message is inside <pre> (as databricks-sdk-go reads it).
  const pre = /<pre>([\s\S]*?)<\/pre>/i.exec(text);
  if (pre)
    return {
      errorCode: null,
      message: pre[1]!.replace(/\s+/g, ' ').trim().replace(/\.$/, '') || '(empty body)',
    };
  const flat = text.replace(/\s+/g, ' ').trim();
  return {
    errorCode: null,
    message: flat === '' ? '(empty body)' : flat.length > 300 ? `${flat.slice(0, 300)}…` : flat,
  };
}
