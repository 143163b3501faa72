import { z } from 'zod';
import { NO_MATCH_CHOICE } from './adjudication-prompt.js';

export type ParsedAdjudicationReply =
  | {
      readonly ok: true;
      readonly choice: string | null;
      readonly confidence: number;
      readonly reasoning: string;
    }
  | { readonly ok: false; readonly problem: 'malformed' | 'invalid_choice'; readonly reason: string };

/** Minimal on purpose: extra fields are ignored, numbers may arrive as strings. */
const ReplyShape = z.object({
  choice: z.string().nullable(),
  confidence: z.union([z.number(), z.string().trim().min(1).pipe(z.coerce.number())]),
  reasoning: z.string().nullish(),
});

const NONE_WORDS = new Set([
  NO_MATCH_CHOICE,
  'null',
  'no match',
  'no_match',
  'none of these',
  'none of the above',
]);

/** The JSON object in a reply: inside a ``` fence if there is one, else from the first `{` to the last `}`. */
function extractJsonText(reply: string): string | null {
  const fenced = /```[a-zA-Z]*\s*([\s\S]*?)```/.exec(reply);
  const body = fenced ? fenced[1]! : reply;
  const start = body.indexOf('{');
  const end = body.lastIndexOf('}');
  return start >= 0 && end > start ? body.slice(start, end + 1) : null;
}

function parseLenient(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    // Trailing commas are the commonest near-JSON; anything else is malformed.
    try {
      return JSON.parse(json.replace(/,\s*([}\]])/g, '$1'));
    } catch {
      return undefined;
    }
  }
}

const preview = (text: string): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 120)}…` : flat;
};

/** A stated confidence in [0, 1]; (1, 100] is read as a percentage; anything else is null. */
function statedProbability(value: number): number | null {
  if (!Number.isFinite(value) || value < 0) return null;
  if (value <= 1) return value;
  return value <= 100 ? value / 100 : null;
}

/** The candidate the model named: exact id, else a unique case-insensitive match (brackets stripped). */
function resolveChoice(raw: string, candidateIds: readonly string[]): string | null | undefined {
  const said = raw
    .trim()
    .replace(/^\[(.*)\]$/, '$1')
    .trim();
  if (NONE_WORDS.has(said.toLowerCase())) return null;
  if (candidateIds.includes(said)) return said;
  const folded = candidateIds.filter((id) => id.toLowerCase() === said.toLowerCase());
  return folded.length === 1 ? folded[0] : undefined;
}

/**
 * Read `{ "choice", "confidence", "reasoning" }` out of a model reply, defensively: code fences,
 * prose around the object, trailing commas and extra fields are tolerated. A choice that is not
 * one of `candidateIds` (or "none") is an `invalid_choice`, never a guess.
 */
export function parseAdjudicationReply(
  reply: string,
  candidateIds: readonly string[],
): ParsedAdjudicationReply {
  const json = extractJsonText(reply);
  const value = json === null ? undefined : parseLenient(json);
  if (value === undefined) {
    return { ok: false, problem: 'malformed', reason: `reply is not a JSON object: "${preview(reply)}"` };
  }
  const shape = ReplyShape.safeParse(value);
  if (!shape.success) {
    const fieldsWrong = [...new Set(shape.error.issues.map((i) => String(i.path[0] ?? '(root)')))].join(', ');
    return {
      ok: false,
      problem: 'malformed',
      reason: `reply JSON lacks a valid ${fieldsWrong}: "${preview(reply)}"`,
    };
  }
  const confidence = statedProbability(shape.data.confidence);
  if (confidence === null) {
    return {
      ok: false,
      problem: 'malformed',
      reason: `confidence ${shape.data.confidence} is not in [0, 1]`,
    };
  }
  const choice = shape.data.choice === null ? null : resolveChoice(shape.data.choice, candidateIds);
  if (choice === undefined) {
    return {
      ok: false,
      problem: 'invalid_choice',
      reason: `model chose "${preview(shape.data.choice ?? '')}", which is not among the candidates (${candidateIds.join(', ')})`,
    };
  }
  return { ok: true, choice, confidence, reasoning: (shape.data.reasoning ?? '').trim() };
}
