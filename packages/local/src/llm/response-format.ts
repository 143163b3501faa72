/** How a reply is constrained: a strict JSON schema, any JSON object, or only by the prompt. */
export type ResponseFormatMode = 'json_schema' | 'json_object' | 'none';

/** The `response_format` field for a mode (nothing for 'none' or when no schema was asked for). */
export function responseFormatFor(
  mode: ResponseFormatMode,
  jsonSchema: { readonly name: string; readonly schema: Record<string, unknown> } | undefined,
): { response_format?: Record<string, unknown> } {
  if (jsonSchema === undefined || mode === 'none') return {};
  if (mode === 'json_object') return { response_format: { type: 'json_object' } };
  return {
    response_format: {
      type: 'json_schema',
      json_schema: { name: jsonSchema.name, schema: jsonSchema.schema, strict: true },
    },
  };
}

/** A 400/422 whose message names response_format, json_schema or json_object: the endpoint does not take it. */
export function rejectsResponseFormat(status: number, body: string): boolean {
  return (status === 400 || status === 422) && /response_format|json_schema|json_object/i.test(body);
}

export const weakerMode = (mode: ResponseFormatMode): ResponseFormatMode =>
  mode === 'json_schema' ? 'json_object' : 'none';
