/**
 * A table of token sequences ("public ltd co", "ord shs") with a value each, matched at the end
 * of a token window or at a given position. The longest sequence wins.
 */
export interface SequenceMatch<V> {
  readonly length: number;
  readonly value: V;
}

interface Entry<V> {
  readonly tokens: readonly string[];
  readonly value: V;
}

export class SequenceTable<V> {
  private readonly byLast = new Map<string, Entry<V>[]>();
  private readonly byFirst = new Map<string, Entry<V>[]>();

  constructor(entries: Iterable<readonly [phrase: string, value: V]>) {
    for (const [phrase, value] of entries) {
      const tokens = phrase.split(' ');
      add(this.byLast, tokens[tokens.length - 1]!, { tokens, value });
      add(this.byFirst, tokens[0]!, { tokens, value });
    }
    for (const list of [...this.byLast.values(), ...this.byFirst.values()]) {
      list.sort((a, b) => b.tokens.length - a.tokens.length);
    }
  }

  /** Longest sequence ending at `end` that leaves tokens[start] outside it, or undefined. */
  matchEnd(tokens: readonly string[], start: number, end: number): SequenceMatch<V> | undefined {
    const candidates = this.byLast.get(tokens[end - 1]!);
    if (!candidates) return undefined;
    for (const { tokens: seq, value } of candidates) {
      const from = end - seq.length;
      if (from <= start) continue;
      let i = 0;
      while (i < seq.length - 1 && tokens[from + i] === seq[i]) i++;
      if (i === seq.length - 1) return { length: seq.length, value };
    }
    return undefined;
  }

  /** Longest sequence starting at `at` and ending at or before `end`, or undefined. */
  matchAt(tokens: readonly string[], at: number, end: number): SequenceMatch<V> | undefined {
    const candidates = this.byFirst.get(tokens[at]!);
    if (!candidates) return undefined;
    for (const { tokens: seq, value } of candidates) {
      if (at + seq.length > end) continue;
      let i = 1;
      while (i < seq.length && tokens[at + i] === seq[i]) i++;
      if (i === seq.length) return { length: seq.length, value };
    }
    return undefined;
  }
}

function add<V>(map: Map<string, Entry<V>[]>, key: string, entry: Entry<V>): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}
