/** The values of a Ditto record (`COL attr VAL value COL …`), without the markers and attribute names. */
export function recordValues(record: string): string {
  return record
    .split(/\bCOL\s+/)
    .map((part) => part.replace(/^\S+\s+VAL\s?/, ''))
    .join(' ');
}

function tokens(record: string): Set<string> {
  return new Set(
    recordValues(record)
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [],
  );
}

/** A baseline scorer: Jaccard similarity of the two records' value tokens, in [0, 1]. */
export function jaccardScore(left: string, right: string): number {
  const a = tokens(left);
  const b = tokens(right);
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared += 1;
  return shared / (a.size + b.size - shared);
}
