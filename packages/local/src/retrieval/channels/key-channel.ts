import type { ReferenceEntity, SourceEntity } from '@em/core';

/** A record's key in one channel, or null when it has none (an empty column). */
export type ChannelKey = (record: SourceEntity | ReferenceEntity) => string | null;

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
    reference: readonly ReferenceEntity[],
    readonly maxBlock = 20,
  ) {
    reference.forEach((row, i) => {
      const k = key(row);
      if (k === null) return;
      const list = this.rows.get(k);
      if (list) list.push(i);
      else this.rows.set(k, [i]);
    });
  }

  /** Reference positions sharing the source's key (empty when it has none or the block is too large). */
  find(source: SourceEntity): readonly number[] {
    const k = this.key(source);
    if (k === null) return [];
    const list = this.rows.get(k);
    return list === undefined || list.length > this.maxBlock ? [] : list;
  }
}
