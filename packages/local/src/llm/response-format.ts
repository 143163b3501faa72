import type { ResponseFormatMode } from '@em/core/transport';

/** A 400/422 whose message names response_format, json_schema or json_object: the endpoint does not take it. */
export function rejectsResponseFormat(status: number, body: string): boolean {
  return (status === 400 || status === 422) && /response_format|json_schema|json_object/i.test(body);
}

export const weakerMode = (mode: ResponseFormatMode): ResponseFormatMode =>
  mode === 'json_schema' ? 'json_object' : 'none';
