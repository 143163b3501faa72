/** The arrays of a `TermDictionary`, in shared memory: worker threads use them without a copy. */
export interface TermDictionaryData {
  /** Every term's UTF-16 code units, one after another. */
  readonly chars: Uint16Array;
  /** Term t is chars[starts[t] .. starts[t + 1]). */
  readonly starts: Int32Array;
  /** Open addressing, linear probing: term id + 1, 0 for an empty slot. */
  readonly slots: Int32Array;
}

/**
 * Term text → term id, held in a few typed arrays instead of a Map of strings: one copy serves
 * the main thread and every search worker (a Map per thread was ~60 MB each at 1M reference
 * rows, and grows with the vocabulary).
 */
export class TermDictionary {
  private readonly mask: number;

  constructor(readonly data: TermDictionaryData) {
    this.mask = data.slots.length - 1;
  }

  static build(terms: readonly string[]): TermDictionary {
    let length = 0;
    for (const term of terms) length += term.length;
    const chars = new Uint16Array(new SharedArrayBuffer(length * 2));
    const starts = new Int32Array(new SharedArrayBuffer((terms.length + 1) * 4));
    let size = 2;
    while (size < terms.length * 2) size *= 2;
    const slots = new Int32Array(new SharedArrayBuffer(size * 4));
    const mask = size - 1;
    let at = 0;
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t]!;
      starts[t] = at;
      for (let i = 0; i < term.length; i++) chars[at++] = term.charCodeAt(i);
      let slot = hashTerm(term) & mask;
      // Terms are distinct: no need to compare while inserting.
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = t + 1;
    }
    starts[terms.length] = at;
    return new TermDictionary({ chars, starts, slots });
  }

  get size(): number {
    return this.data.starts.length - 1;
  }

  /** Every term's text, by id. */
  texts(): string[] {
    const { chars, starts } = this.data;
    const out: string[] = [];
    for (let t = 0; t < this.size; t++) {
      out.push(String.fromCharCode(...chars.subarray(starts[t]!, starts[t + 1]!)));
    }
    return out;
  }

  /** The id of `term`, or -1 when the index does not have it. */
  idOf(term: string): number {
    const { chars, starts, slots } = this.data;
    let slot = hashTerm(term) & this.mask;
    for (;;) {
      const held = slots[slot]!;
      if (held === 0) return -1;
      const start = starts[held - 1]!;
      if (starts[held]! - start === term.length) {
        let i = 0;
        while (i < term.length && chars[start + i] === term.charCodeAt(i)) i++;
        if (i === term.length) return held - 1;
      }
      slot = (slot + 1) & this.mask;
    }
  }
}

/** FNV-1a over UTF-16 code units. */
function hashTerm(term: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) h = Math.imul(h ^ term.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
