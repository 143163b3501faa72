import { REFERENCE_COLUMNS, type ReferenceEntity } from '@em/core';
import type { ReferenceColumn, ReferenceRows } from './reference-rows.js';

/** Rows per page: each column keeps one string per page plus an end offset per row. */
const PAGE_BITS = 12;
const PAGE = 1 << PAGE_BITS;
const PAGE_MASK = PAGE - 1;

/**
 * One text column of `size` rows: each page of 4,096 values is one concatenated string
 * (one byte per character when the page is Latin-1), with each row's end offset in the page
 * and a null flag. A value is a slice of its page, made when asked for.
 */
class TextColumn {
  readonly pages: string[] = [];
  readonly ends: Uint32Array;
  readonly nulls: Uint8Array;
  private parts: string[] = [];
  private pageLength = 0;

  constructor(capacity: number) {
    this.ends = new Uint32Array(capacity);
    this.nulls = new Uint8Array(capacity);
  }

  push(d: number, value: string | null): void {
    if (value === null) this.nulls[d] = 1;
    else {
      this.parts.push(value);
      this.pageLength += value.length;
    }
    this.ends[d] = this.pageLength;
    if ((d & PAGE_MASK) === PAGE_MASK) this.flush();
  }

  /** Close the current page (full, or the last one). */
  flush(): void {
    this.pages.push(this.parts.join(''));
    this.parts = [];
    this.pageLength = 0;
  }

  get(d: number): string | null {
    if (this.nulls[d] === 1) return null;
    const start = (d & PAGE_MASK) === 0 ? 0 : this.ends[d - 1]!;
    return this.pages[d >>> PAGE_BITS]!.slice(start, this.ends[d]!);
  }
}

/**
 * The reference master in columnar memory: about 1.2 bytes per character of text plus 5 bytes
 * per field, instead of one JS object per row (a million rows: ~150 MB instead of ~700 MB).
 * Rows keep the order they were appended in (the index's document order).
 */
export class ReferenceStore implements ReferenceRows {
  private readonly columns: Record<ReferenceColumn, TextColumn>;
  private count = 0;
  private sealed = false;

  /** An empty store for at most `capacity` rows; `append` them, then `seal`. */
  constructor(readonly capacity: number) {
    this.columns = Object.fromEntries(REFERENCE_COLUMNS.map((c) => [c, new TextColumn(capacity)])) as Record<
      ReferenceColumn,
      TextColumn
    >;
  }

  static fromRows(rows: readonly ReferenceEntity[]): ReferenceStore {
    const store = new ReferenceStore(rows.length);
    for (const r of rows) store.append(REFERENCE_COLUMNS.map((c) => r[c] ?? null));
    return store.seal();
  }

  get length(): number {
    return this.count;
  }

  /** Append one row: its values in `REFERENCE_COLUMNS` order ('' reads as null except for names and ids). */
  append(values: readonly (string | null)[]): void {
    if (this.sealed) throw new Error('ReferenceStore.append after seal');
    if (this.count >= this.capacity) throw new Error(`ReferenceStore holds at most ${this.capacity} rows`);
    const d = this.count++;
    for (let c = 0; c < REFERENCE_COLUMNS.length; c++) {
      const v = values[c] ?? null;
      this.columns[REFERENCE_COLUMNS[c]!].push(d, v === '' && c > 1 ? null : v);
    }
  }

  /** Close the last page; the store is read-only from here. */
  seal(): this {
    if (!this.sealed) {
      if ((this.count & PAGE_MASK) !== 0) for (const c of REFERENCE_COLUMNS) this.columns[c].flush();
      this.sealed = true;
    }
    return this;
  }

  field(column: ReferenceColumn, d: number): string | null {
    return this.columns[column].get(d);
  }

  row(d: number): ReferenceEntity {
    const f = (c: ReferenceColumn): string | null => this.columns[c].get(d);
    return {
      ciq_id: f('ciq_id')!,
      company_name: f('company_name')!,
      ticker: f('ticker'),
      lei: f('lei'),
      cusip: f('cusip'),
      isin: f('isin'),
      country: f('country'),
      industry: f('industry'),
      sector: f('sector'),
      market_cap: f('market_cap'),
    };
  }
}
