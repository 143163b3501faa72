import type { ReferenceEntity, SourceEntity } from '@em/core';
import type { ReferenceRows } from '../../reference/reference-rows.js';

/** A record's key in one channel, or null when it has none (an empty column). */
export type ChannelKey = (record: SourceEntity | ReferenceEntity) => string | null;
/** The same key read from reference row `d` (cheaper than building the row, for a columnar store). */
export type RowKey = (rows: ReferenceRows, d: number) => string | null;

/**
 * One candidate channel (a blocking rule, in Splink's terms): reference rows grouped by a key;
 * a source's candidates are the rows sharing its key. A key shared by more than `maxBlock` rows
 * (a country alone, a common first word) says too little to be worth a look and finds nothing.
 */
export class KeyChannel {
  private readonly rows = new Map<string, number[]>();

  constructor(
    readonly name: string,
    private readonly key: ChannelKey,
    reference: ReferenceRows,
    readonly maxBlock = 20,
    rowKey: RowKey = (rows, d) => key(rows.row(d)),
  ) {
    for (let d = 0; d < reference.length; d++) {
      const k = rowKey(reference, d);
      if (k === null) continue;
      const list = this.rows.get(k);
      if (list) list.push(d);
      else this.rows.set(k, [d]);
    }
  }

  /** Reference positions sharing the source's key (empty when it has none or the block is too large). */
  find(source: SourceEntity): readonly number[] {
    const k = this.key(source);
    if (k === null) return [];
    const list = this.rows.get(k);
    return list === undefined || list.length > this.maxBlock ? [] : list;
  }
}
