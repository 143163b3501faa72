import type { ReferenceEntity, SourceEntity } from '@em/core';
import { hashString } from '@em/core/features';
import type { ReferenceRows } from '../../reference/reference-rows.js';

/** A record's key in one channel, or null when it has none (an empty column). */
export type ChannelKey = (record: SourceEntity | ReferenceEntity) => string | null;
/** The same key read from reference row `d` (cheaper than building the row, for a columnar store). */
export type RowKey = (rows: ReferenceRows, d: number) => string | null;

/**
 * One candidate channel (a blocking rule, in Splink's terms): reference rows grouped by a key;
 * a source's candidates are the rows sharing its key. A key shared by more than `maxBlock` rows
 * (a country alone, a common first word) says too little to be worth a look and finds nothing.
 *
 * The keys are not kept: each row with a key is one float64, (hash of its key) · 2^rowBits +
 * row, sorted. A source's key hashes to one run of that array, and each row of the run is
 * checked against the key read again from the reference. A million rows take 8 MB per
 * channel instead of a map of a million strings and arrays.
 */
export class KeyChannel {
  private readonly sorted: Float64Array;
  private readonly rowScale: number;
  private readonly hashBits: number;

  constructor(
    readonly name: string,
    private readonly key: ChannelKey,
    private readonly reference: ReferenceRows,
    readonly maxBlock = 20,
    private readonly rowKey: RowKey = (rows, d) => key(rows.row(d)),
  ) {
    const n = reference.length;
    const rowBits = Math.max(1, Math.ceil(Math.log2(n + 1)));
    this.rowScale = 2 ** rowBits;
    // Hash and row together stay below 2^53, so each float64 holds both exactly.
    this.hashBits = Math.min(32, 53 - rowBits);
    const packed = new Float64Array(n);
    let m = 0;
    for (let d = 0; d < n; d++) {
      const k = rowKey(reference, d);
      if (k !== null) packed[m++] = this.hash(k) * this.rowScale + d;
    }
    this.sorted = packed.slice(0, m).sort();
  }

  /** Reference positions sharing the source's key, in row order (empty when it has none or the block is too large). */
  find(source: SourceEntity): readonly number[] {
    const k = this.key(source);
    if (k === null) return [];
    const from = this.hash(k) * this.rowScale;
    const rows: number[] = [];
    for (
      let i = this.lowerBound(from);
      i < this.sorted.length && this.sorted[i]! < from + this.rowScale;
      i++
    ) {
      const d = this.sorted[i]! - from;
      if (this.rowKey(this.reference, d) !== k) continue; // another key with the same hash
      rows.push(d);
      if (rows.length > this.maxBlock) return [];
    }
    return rows;
  }

  /** The top `hashBits` bits of the key's hash. */
  private hash(key: string): number {
    return hashString(key) >>> (32 - this.hashBits);
  }

  private lowerBound(value: number): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sorted[mid]! < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
